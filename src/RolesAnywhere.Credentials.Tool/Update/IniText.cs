namespace RolesAnywhere.Credentials.Tool.Update;

/// <summary>
/// Python's string rules as Python's <c>configparser</c> (which botocore and the AWS CLI use) applies them to
/// a line: what counts as white space (<c>str.isspace</c>, which adds U+001C..U+001F to .NET's set) and how a
/// key is lower-cased (<c>str.lower</c>: full case mapping, so U+0130 becomes "i" + U+0307; the one rule not
/// followed is Greek final sigma, which only matters for keys that are not ours).
/// </summary>
internal static class IniText
{
    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is >= '\u001C' and <= '\u001F';

    public static string Strip(string text) => StripEnd(text[Indent(text)..]);

    public static string StripEnd(string text)
    {
        var end = text.Length;
        while (end > 0 && IsSpace(text[end - 1]))
        {
            end--;
        }

        return text[..end];
    }

    /// <summary>The number of leading white-space characters (configparser's indent level).</summary>
    public static int Indent(string line)
    {
        var i = 0;
        while (i < line.Length && IsSpace(line[i]))
        {
            i++;
        }

        return i;
    }

    public static string Lower(string text) =>
        text.Replace("\u0130", "i\u0307", StringComparison.Ordinal).ToLowerInvariant();
}
