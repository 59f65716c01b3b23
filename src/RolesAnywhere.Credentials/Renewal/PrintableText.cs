using System.Text;

namespace RolesAnywhere.Credentials.Renewal;

/// <summary>
/// Text from an issuer (a command's standard error, a CA's error message) made safe to quote in one line of a log or
/// terminal: line breaks become <c> | </c>, other control characters (escape sequences included) are dropped, and
/// long text is cut.
/// </summary>
internal static class PrintableText
{
    public const int MaxLength = 2000;

    public static string Of(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "(no message)";
        }

        var result = new StringBuilder(Math.Min(text.Length, MaxLength + 1));
        foreach (var line in text.Split('\n'))
        {
            var start = result.Length;
            foreach (var c in line)
            {
                if (!char.IsControl(c) && c is not '\u200E' and not '\u200F' and not '\u202A' and not '\u202B' and not '\u202C' and not '\u202D' and not '\u202E')
                {
                    result.Append(c);
                }
            }

            if (result.Length == start)
            {
                continue;
            }

            var trimmed = result.ToString(start, result.Length - start).Trim();
            result.Length = start;
            if (trimmed.Length != 0)
            {
                result.Append(start == 0 ? string.Empty : " | ").Append(trimmed);
            }

            if (result.Length > MaxLength)
            {
                result.Length = MaxLength;
                result.Append('…');
                break;
            }
        }

        return result.Length == 0 ? "(no message)" : result.ToString();
    }
}
