namespace RolesAnywhere.Credentials.Signing;

/// <summary>Lower-case hexadecimal, as SigV4 writes digests and signatures.</summary>
internal static class LowerHex
{
    private const string Digits = "0123456789abcdef";

    /// <summary>Writes <paramref name="source"/> as lower-case hex ASCII bytes; returns the number written (twice the input).</summary>
    public static int Write(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        for (int i = 0; i < source.Length; i++)
        {
            destination[2 * i] = (byte)Digits[source[i] >> 4];
            destination[(2 * i) + 1] = (byte)Digits[source[i] & 0xF];
        }

        return source.Length * 2;
    }

    /// <summary>Writes <paramref name="source"/> as lower-case hex characters; returns the number written (twice the input).</summary>
    public static int Write(ReadOnlySpan<byte> source, Span<char> destination)
    {
        for (int i = 0; i < source.Length; i++)
        {
            destination[2 * i] = Digits[source[i] >> 4];
            destination[(2 * i) + 1] = Digits[source[i] & 0xF];
        }

        return source.Length * 2;
    }
}
