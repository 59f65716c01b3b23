namespace RolesAnywhere.Credentials.Tool.Update;

/// <summary>One <c>[name]</c> header and the settings under it, up to the next header.</summary>
internal sealed class IniSection(string name, int headerLine)
{
    /// <summary>configparser's name for the section that holds defaults for every other one.</summary>
    public const string DefaultsName = "DEFAULT";

    /// <summary>The name exactly as botocore reads it: everything between the first '[' and the last ']' (<c>[ a ]</c> is " a ").</summary>
    public string Name { get; } = name;

    public int HeaderLine { get; } = headerLine;

    public List<IniOption> Options { get; } = [];

    /// <summary>Index of the last line holding the header or a value of this section.</summary>
    public int LastLine => Options.Count > 0 ? Options.Max(option => option.LastLine) : HeaderLine;

    public override string ToString() => $"[{Name}]";
}
