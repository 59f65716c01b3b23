using System.Text;

namespace RolesAnywhere.Credentials.Signing;

/// <summary>
/// RFC 3986 percent-encoding as SigV4 canonicalizes query parameters: the UTF-8 bytes of the text,
/// unreserved characters (<c>A-Z a-z 0-9 - _ . ~</c>) kept, every other byte written <c>%XX</c> in
/// upper-case hex (a space is <c>%20</c>, never <c>+</c>).
/// </summary>
internal static class Rfc3986Encoder
{
    private const string UpperDigits = "0123456789ABCDEF";

    /// <summary>The longest UTF-8 encoding of one Unicode scalar value.</summary>
    private const int MaxUtf8BytesPerRune = 4;

    /// <summary>Gets whether <paramref name="c"/> is an RFC 3986 unreserved character.</summary>
    public static bool IsUnreserved(int c) =>
        (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 || c is '-' or '_' or '.' or '~';

    /// <summary>Returns the encoded length of <paramref name="text"/>, or -1 when it holds an unpaired surrogate.</summary>
    public static int GetEncodedLength(ReadOnlySpan<char> text)
    {
        int length = 0;
        while (!text.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(text, out Rune rune, out int consumed) != System.Buffers.OperationStatus.Done)
            {
                return -1;
            }

            length += rune.Value < 0x80 && IsUnreserved(rune.Value) ? 1 : 3 * rune.Utf8SequenceLength;
            text = text[consumed..];
        }

        return length;
    }

    /// <summary>
    /// Encodes <paramref name="text"/> (already checked by <see cref="GetEncodedLength"/>) into
    /// <paramref name="destination"/>; returns the number of bytes written.
    /// </summary>
    public static int Encode(ReadOnlySpan<char> text, Span<byte> destination)
    {
        Span<byte> utf8 = stackalloc byte[MaxUtf8BytesPerRune];
        int written = 0;
        while (!text.IsEmpty)
        {
            _ = Rune.DecodeFromUtf16(text, out Rune rune, out int consumed);
            text = text[consumed..];
            if (rune.Value < 0x80 && IsUnreserved(rune.Value))
            {
                destination[written++] = (byte)rune.Value;
                continue;
            }

            int count = rune.EncodeToUtf8(utf8);
            for (int i = 0; i < count; i++)
            {
                destination[written] = (byte)'%';
                destination[written + 1] = (byte)UpperDigits[utf8[i] >> 4];
                destination[written + 2] = (byte)UpperDigits[utf8[i] & 0xF];
                written += 3;
            }
        }

        return written;
    }
}
