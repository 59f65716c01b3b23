using System.Text.Encodings.Web;

namespace RolesAnywhere.Credentials.Authorization.Text;

/// <summary>
/// Escapes exactly what Go's <c>encoding/json</c> (<c>json.Marshal</c>, which <c>aws_signing_helper</c> prints
/// with) escapes, so the tool's output is the helper's byte for byte: <c>"</c> and <c>\</c>; <c>\n \r \t \b \f</c>
/// in their short forms; other control characters below U+0020, <c>&lt; &gt; &amp;</c> and U+2028/U+2029 as
/// <c>\u00xx</c> with lower-case hex. Everything else — <c>+</c>, <c>/</c>, <c>=</c>, DEL and all non-ASCII text —
/// is written as itself (the default encoder writes <c>+</c> as <c>\u002B</c>, which breaks <c>grep</c>/<c>cut</c>
/// pipelines written against the helper). The one JSON output setting of the tool: credential-process, serve, inspect,
/// policy and audit (JSON lines, timeline, SARIF) all write with it (<see cref="Options"/>).
/// </summary>
internal sealed class GoJsonEncoder : JavaScriptEncoder
{
    /// <summary>The longest escape: <c>\u00xx</c>.</summary>
    private const int LongestEscape = 6;

    private GoJsonEncoder()
    {
    }

    public static GoJsonEncoder Instance { get; } = new();

    /// <summary>Writer options with this encoder, for the outputs that write JSON by hand.</summary>
    public static System.Text.Json.JsonWriterOptions Options(bool indented) => new() { Encoder = Instance, Indented = indented };

    public override int MaxOutputCharactersPerInputCharacter => LongestEscape;

    public override bool WillEncode(int unicodeScalar) =>
        unicodeScalar < 0x20 || unicodeScalar is '"' or '\\' or '<' or '>' or '&' or 0x2028 or 0x2029;

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        var span = new ReadOnlySpan<char>(text, textLength);
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (char.IsHighSurrogate(c) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c) || WillEncode(c))
            {
                // A lone surrogate is handed to the base class, which writes U+FFFD as Go does for invalid text.
                return i;
            }
        }

        return -1;
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var destination = new Span<char>(buffer, bufferLength);
        ReadOnlySpan<char> text = unicodeScalar switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            '\b' => "\\b",
            '\f' => "\\f",
            _ when WillEncode(unicodeScalar) => $"\\u{unicodeScalar:x4}",
            _ => new System.Text.Rune(unicodeScalar).ToString(),
        };
        if (!text.TryCopyTo(destination))
        {
            numberOfCharactersWritten = 0;
            return false;
        }

        numberOfCharactersWritten = text.Length;
        return true;
    }
}
