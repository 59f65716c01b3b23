namespace RolesAnywhere.Credentials.Tool.Update;

/// <summary>
/// One <c>key = value</c> (or <c>key: value</c>) setting and the indented lines that continue its value.
/// <see cref="ToString"/> shows the key only: values may be secrets.
/// </summary>
internal sealed class IniOption
{
    private readonly List<string> parts;

    public IniOption(IniSection section, string key, int line, string firstValue)
    {
        Section = section;
        Key = key;
        Line = line;
        parts = [firstValue];
    }

    public IniSection Section { get; }

    /// <summary>The key, lower-cased as configparser does.</summary>
    public string Key { get; }

    /// <summary>Index of the key's line.</summary>
    public int Line { get; }

    /// <summary>Indexes of the continuation lines (deeper-indented lines that add to the value).</summary>
    public List<int> ContinuationLines { get; } = [];

    /// <summary>Index of the last line holding part of the value.</summary>
    public int LastLine => ContinuationLines.Count > 0 ? ContinuationLines[^1] : Line;

    /// <summary>The value as botocore sees it: the parts joined by line breaks, trailing white space removed.</summary>
    public string Value => IniText.StripEnd(string.Join('\n', parts));

    public void AddContinuation(int line, string text)
    {
        ContinuationLines.Add(line);
        parts.Add(text);
    }

    /// <summary>A blank line inside a value: kept in it unless nothing follows (configparser's <c>empty_lines_in_values</c>).</summary>
    public void AddBlankLine() => parts.Add(string.Empty);

    public override string ToString() => Key;
}
