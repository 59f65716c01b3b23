namespace RolesAnywhere.Credentials.Configuration;

/// <summary>
/// One problem with the settings, kept apart from the name of the setting it is about, so that each consumer names
/// the setting in its own language: the library as the option (<c>CertificatePath: …</c>), the command-line tool as
/// its flag (<c>--certificate: …</c>).
/// </summary>
/// <param name="Setting">
/// The name of the <see cref="RolesAnywhereOptions"/> setting the problem is about (as in <see cref="RolesAnywhereSettings"/>),
/// or <see langword="null"/> for a problem that is not about one setting.
/// </param>
/// <param name="Problem">What is wrong and the fix, without the setting's name in front.</param>
internal sealed record SettingProblem(string? Setting, string Problem)
{
    /// <summary>Gets the heading of a list of problems, in words rather than type names.</summary>
    /// <param name="count">How many problems the list holds.</param>
    public static string Heading(int count) =>
        count == 1 ? "The Roles Anywhere settings have a problem:" : $"The Roles Anywhere settings have {count} problems:";

    /// <summary>Formats <paramref name="problems"/> under <see cref="Heading"/>, each labelled by <paramref name="label"/>.</summary>
    /// <param name="problems">The problems, at least one.</param>
    /// <param name="label">The label of a setting (its option name, or a flag); <see langword="null"/> for no label.</param>
    /// <param name="text">Rewrites a problem's own text (identity for the library).</param>
    public static string Format(IReadOnlyCollection<SettingProblem> problems, Func<string, string?> label, Func<string, string>? text = null)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(label);
        var lines = problems.Select(p => p.Describe(label, text)).ToList();
        return lines.Count == 1
            ? $"{Heading(1)} {lines[0]}"
            : $"{Heading(lines.Count)}{Environment.NewLine}- {string.Join(Environment.NewLine + "- ", lines)}";
    }

    /// <summary>Formats <paramref name="problems"/> in the library's language: each labelled by its option name.</summary>
    public static string Format(IReadOnlyCollection<SettingProblem> problems) => Format(problems, setting => setting);

    /// <summary>Gets this problem as one line, <c>label: problem</c>, or the problem alone when it has no label.</summary>
    /// <param name="label">The label of a setting; <see langword="null"/> for no label.</param>
    /// <param name="text">Rewrites the problem's own text, or <see langword="null"/>.</param>
    public string Describe(Func<string, string?> label, Func<string, string>? text = null)
    {
        ArgumentNullException.ThrowIfNull(label);
        var problem = text is null ? Problem : text(Problem);
        return Setting is not null && label(Setting) is { Length: > 0 } name ? $"{name}: {problem}" : problem;
    }

    /// <summary>Gets this problem as the library states it: <c>Setting: problem</c>.</summary>
    public override string ToString() => Describe(setting => setting);
}
