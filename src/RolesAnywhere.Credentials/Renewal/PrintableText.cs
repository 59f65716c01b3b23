using System.Text;
using RolesAnywhere.Credentials.Authorization.Text;

namespace RolesAnywhere.Credentials.Renewal;

/// <summary>
/// Text from an issuer (a command's standard error, a CA's error message) made safe to quote in one line of a log or
/// terminal: line breaks become <c> | </c>, other control and format characters (escape sequences included) are shown
/// escaped by <see cref="TerminalText"/>, and long text is cut.
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
            // The one terminal escape: control and format characters shown, not passed (nor silently dropped).
            var trimmed = TerminalText.Escape(line.TrimEnd('\r'))!.Trim();
            if (trimmed.Length != 0)
            {
                result.Append(result.Length == 0 ? string.Empty : " | ").Append(trimmed);
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
