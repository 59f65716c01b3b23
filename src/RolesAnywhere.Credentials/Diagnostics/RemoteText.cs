using System.Globalization;
using System.Text;

namespace RolesAnywhere.Credentials.Diagnostics;

/// <summary>
/// Makes text that came from the network (a service or gateway error body, response headers, a transport
/// error quoting the server) safe to put into a message or a log line: control characters (ESC, BEL, the C1
/// range…) and invisible format characters (bidirectional overrides, zero-width characters) are removed, so
/// the text cannot recolour, move the cursor in or retitle the terminal that shows it, nor hide or reorder
/// what it says; line breaks and tabs become spaces. Every place remote text enters a message goes through
/// <see cref="Clean(string?)"/>.
/// </summary>
internal static class RemoteText
{
    /// <summary>Returns <paramref name="text"/> without control or format characters, or <see langword="null"/> for <see langword="null"/>.</summary>
    public static string? Clean(string? text)
    {
        if (text is null || !NeedsCleaning(text))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value is '\r' or '\n' or '\t')
            {
                clean.Append(' ');
            }
            else if (!IsUnsafe(rune))
            {
                clean.Append(rune.ToString());
            }
        }

        return clean.ToString();
    }

    private static bool NeedsCleaning(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsUnsafe(rune) || rune.Value is '\r' or '\n' or '\t')
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsUnsafe(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format;
}
