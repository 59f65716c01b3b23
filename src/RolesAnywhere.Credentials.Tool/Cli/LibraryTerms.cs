using System.Text.RegularExpressions;
using RolesAnywhere.Credentials.Configuration;
using RolesAnywhere.Credentials.Renewal;

namespace RolesAnywhere.Credentials.Tool.Cli;

/// <summary>
/// The library's messages speak of its options (<c>Set PrivateKeyPassword</c>, <c>Check CertificatePath</c>);
/// a tool user has flags. <see cref="Describe"/> names the setting of each structured problem
/// (<see cref="SettingProblem"/>) by its flag, from the one settings table; <see cref="ToFlags"/> rewrites the option
/// names that remain inside a message's own text (and in unstructured messages) into those flags, so every library
/// message the tool prints names something the user can type.
/// </summary>
internal static class LibraryTerms
{
    private const string OptionsPrefix = nameof(RolesAnywhereOptions) + ".";

    /// <summary>
    /// Each option's flag, from the settings descriptor (<see cref="RolesAnywhereSettings.All"/>, the one list of the
    /// library's settings and their tool flags), plus the names a flag stands for without being that setting.
    /// </summary>
    private static readonly Dictionary<string, string> FlagOfOption = BuildFlagOfOption();

    /// <summary>Whole option names (optionally written as <c>RolesAnywhereOptions.Name</c>), longest first.</summary>
    private static readonly Regex OptionName = new(
        @"\b(?:" + Regex.Escape(OptionsPrefix) + @")?(?<name>" + string.Join('|', FlagOfOption.Keys.Where(k => !k.StartsWith(OptionsPrefix, StringComparison.Ordinal)).OrderByDescending(k => k.Length))
        + @")\b|\b" + Regex.Escape(OptionsPrefix + nameof(RolesAnywhereOptions.Proxy)) + @"\b",
        RegexOptions.CultureInvariant);

    /// <summary>
    /// Options set in code only, each given on the command line with the flag of its file setting; they are rewritten
    /// only inside a list that already names that flag ("--intermediates, --intermediates or Intermediates").
    /// </summary>
    private static readonly Dictionary<string, string> CodeOnlyOptions = new(StringComparer.Ordinal)
    {
        [nameof(RolesAnywhereOptions.Intermediates)] = Flags.Intermediates,
        [nameof(RolesAnywhereOptions.Certificate)] = Flags.Certificate,
        [nameof(RolesAnywhereOptions.SigningKey)] = Flags.PrivateKey,
    };

    /// <summary>A list of names that starts with a flag: "--a, --b or C".</summary>
    private static readonly Regex NameList = new(
        @"(?<first>--[a-z0-9][a-z0-9-]*)(?:(?:,\s*(?:or\s+)?|\s+or\s+)(?<item>--[a-z0-9][a-z0-9-]*|[A-Z][A-Za-z0-9]*)\b)+",
        RegexOptions.CultureInvariant);

    private static Dictionary<string, string> BuildFlagOfOption()
    {
        var flags = RolesAnywhereSettings.All.Where(s => s.ToolFlag is not null).ToDictionary(s => s.Name, s => s.ToolFlag!, StringComparer.Ordinal);

        // Inline material is given with the same flags as the files.
        flags[nameof(RolesAnywhereOptions.CertificateData)] = Flags.Certificate;
        flags[nameof(RolesAnywhereOptions.PrivateKeyData)] = Flags.PrivateKey;
        flags[nameof(RolesAnywhereOptions.IntermediatesData)] = Flags.Intermediates;

        // "Proxy" alone is too common a word: only the qualified name is rewritten.
        flags[OptionsPrefix + nameof(RolesAnywhereOptions.Proxy)] = Flags.WithProxy;

        // Renewal's options (renew, serve and update).
        flags[nameof(CertificateRenewalOptions.TrustAnchorCertificatePath)] = Flags.TrustAnchorCertificate;
        flags[nameof(CertificateRenewalOptions.RenewAt)] = Flags.RenewAt;
        flags[nameof(CertificateRenewalOptions.KeyAlgorithm)] = Flags.KeyAlgorithm;
        flags[nameof(CertificateRenewalOptions.AcceptIssuerChange)] = Flags.AcceptIssuerChange;
        flags[nameof(CertificateRenewalOptions.AcceptIdentityChanges)] = Flags.AcceptIdentityChange;
        return flags;
    }

    /// <summary>
    /// Returns <paramref name="message"/> with every option name that has a flag replaced by <c>--flag</c>; a list whose
    /// names all stand for one flag (<c>IntermediatesPath, IntermediatesData or Intermediates</c>) becomes that flag once.
    /// </summary>
    public static string ToFlags(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var flags = OptionName.Replace(message, match => "--" + FlagOfOption[match.Groups["name"].Success ? match.Groups["name"].Value : match.Value]);
        return NameList.Replace(flags, CollapseList);
    }

    /// <summary>
    /// Returns the message of <paramref name="exception"/> in the tool's terms: the problems of a settings check each
    /// labelled by the flag of its setting (taken from the structure, not from the text), anything else through
    /// <see cref="ToFlags"/>.
    /// </summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception is RolesAnywhereConfigurationException { HasSettingProblems: true } configuration
            ? SettingProblem.Format(configuration.Problems.Distinct().ToList(), FlagLabel, ToFlags)
            : ToFlags(exception.Message);
    }

    /// <summary>Gets the label of setting <paramref name="setting"/> for a tool user: its flag, else (a setting the tool has no flag for) its name.</summary>
    public static string FlagLabel(string setting) =>
        FlagOfOption.TryGetValue(setting, out var flag) ? "--" + flag : setting;

    private static string CollapseList(Match match)
    {
        var first = match.Groups["first"].Value;
        foreach (Capture item in match.Groups["item"].Captures)
        {
            var same = string.Equals(item.Value, first, StringComparison.Ordinal)
                || (CodeOnlyOptions.TryGetValue(item.Value, out var flag) && string.Equals("--" + flag, first, StringComparison.Ordinal));
            if (!same)
            {
                return match.Value;
            }
        }

        return first;
    }
}
