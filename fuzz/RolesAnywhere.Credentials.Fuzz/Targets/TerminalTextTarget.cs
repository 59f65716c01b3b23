using System.Globalization;
using System.Text;
using RolesAnywhere.Credentials.Authorization.Text;

namespace RolesAnywhere.Credentials.Fuzz.Targets;

/// <summary>
/// The one terminal escape (<see cref="TerminalText"/>), over any bytes read as UTF-8 and as UTF-16: its output must hold no
/// control character, no format character and no lone surrogate, whatever came in.
/// </summary>
internal static class TerminalTextTarget
{
    public static readonly FuzzTarget Target = new("terminal-text", "TerminalText.Escape / EscapeLines", Run);

    private static void Run(byte[] data)
    {
        Check(Encoding.UTF8.GetString(data), lines: false);
        Check(Encoding.Unicode.GetString(data), lines: true);
    }

    private static void Check(string text, bool lines)
    {
        var escaped = lines ? TerminalText.EscapeLines(text)! : TerminalText.Escape(text)!;
        for (var i = 0; i < escaped.Length; i++)
        {
            var c = escaped[i];
            if (lines && c == '\n')
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < escaped.Length && char.IsLowSurrogate(escaped[i + 1]))
            {
                var rune = new Rune(c, escaped[++i]);
                if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format)
                {
                    throw new InvalidOperationException($"U+{rune.Value:X} passed through the terminal escape.");
                }

                continue;
            }

            if (char.IsSurrogate(c) || char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                throw new InvalidOperationException($"U+{(int)c:X4} passed through the terminal escape.");
            }
        }
    }
}
