using System.Globalization;
using System.Text;

namespace RolesAnywhere.Credentials.Authorization.Text;

/// <summary>
/// The one way untrusted text (certificate names, policy values, CloudTrail fields, file names, a CA's messages) is written
/// for a terminal: every control character (C0, DEL, C1 — ESC and so every escape sequence included) and every invisible
/// format character (bidirectional overrides, zero-width characters) is shown as a visible escape (<c>\x1b</c>,
/// <c>\u202e</c>, <c>\n</c>, <c>\t</c>), so the text can neither drive the terminal nor hide or reorder what it says, and a
/// reader sees that something was there. Invalid UTF-16 (a lone surrogate) is shown as <c>\ud800</c>. JSON and SARIF
/// output encode the same characters with their own escapes instead.
/// </summary>
public static class TerminalText
{
    /// <summary>Returns <paramref name="text"/> with control and format characters made visible; <see langword="null"/> stays <see langword="null"/>.</summary>
    /// <param name="text">Untrusted text.</param>
    /// <returns>Text safe to print.</returns>
    public static string? Escape(string? text)
    {
        if (text is null || !NeedsEscaping(text))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var rune = new Rune(c, text[i + 1]);
                if (IsUnsafe(rune))
                {
                    escaped.Append(CultureInfo.InvariantCulture, $"\\U{rune.Value:x8}");
                }
                else
                {
                    escaped.Append(c).Append(text[i + 1]);
                }

                i++;
            }
            else if (char.IsSurrogate(c))
            {
                escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else if (IsUnsafe(new Rune(c)))
            {
                escaped.Append(c switch
                {
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    < '\u0100' => string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}"),
                    _ => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                });
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    /// <summary>Like <see cref="Escape"/>, but keeps line feeds: for a message of several lines written by this project that quotes untrusted text.</summary>
    /// <param name="text">The message.</param>
    /// <returns>Text safe to print, with its line breaks.</returns>
    public static string? EscapeLines(string? text) =>
        text is null || !NeedsEscaping(text) ? text : string.Join('\n', text.Split('\n').Select(line => Escape(line)));

    private static bool NeedsEscaping(string text)
    {
        foreach (var c in text)
        {
            if (char.IsSurrogate(c) || char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsUnsafe(Rune rune) => Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format;
}
