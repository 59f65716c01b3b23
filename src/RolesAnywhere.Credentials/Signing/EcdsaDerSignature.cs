namespace RolesAnywhere.Credentials.Signing;

/// <summary>
/// Re-encodes an ECDSA signature from the fixed-width <c>r||s</c> form (IEEE P1363, what .NET's
/// <c>ECDsa</c> and PKCS#11 <c>CKM_ECDSA</c> produce by default) into the ASN.1 DER
/// <c>SEQUENCE { INTEGER r, INTEGER s }</c> that IAM Roles Anywhere requires, without allocating.
/// </summary>
internal static class EcdsaDerSignature
{
    /// <summary>The longest fixed-width signature: P-521 has two 66-byte halves.</summary>
    public const int MaxIeeeP1363Length = 2 * 66;

    private const byte SequenceTag = 0x30;
    private const byte IntegerTag = 0x02;
    private const byte LongFormOneByte = 0x81;

    /// <summary>The largest DER signature for a curve whose order is <paramref name="orderSizeInBits"/> long.</summary>
    /// <remarks>
    /// Each INTEGER is below the order: at most bits / 8 + 1 content bytes (a leading zero keeps a full
    /// top byte positive) plus a 2-byte header; the SEQUENCE header is 2 bytes, or 3 once its content
    /// reaches 128 bytes. P-256: 72, P-384: 104, P-521: 139 bytes.
    /// </remarks>
    public static int MaxDerSize(int orderSizeInBits)
    {
        int content = 2 * ((orderSizeInBits / 8) + 1 + 2);
        return content + (content < 0x80 ? 2 : 3);
    }

    /// <summary>Encodes <paramref name="ieeeP1363"/> (<c>r||s</c>, two halves of equal length) as DER.</summary>
    /// <returns><see langword="false"/> (and 0 written) when <paramref name="destination"/> is too small.</returns>
    /// <exception cref="ArgumentException"><paramref name="ieeeP1363"/> is empty or of odd length.</exception>
    public static bool TryEncode(ReadOnlySpan<byte> ieeeP1363, Span<byte> destination, out int bytesWritten)
    {
        if (ieeeP1363.IsEmpty || ieeeP1363.Length % 2 != 0 || ieeeP1363.Length > 2 * 127)
        {
            throw new ArgumentException("A fixed-width ECDSA signature has two halves of equal length.", nameof(ieeeP1363));
        }

        int half = ieeeP1363.Length / 2;
        ReadOnlySpan<byte> r = TrimLeadingZeros(ieeeP1363[..half]);
        ReadOnlySpan<byte> s = TrimLeadingZeros(ieeeP1363[half..]);
        int rLength = IntegerContentLength(r);
        int sLength = IntegerContentLength(s);
        int contentLength = 2 + rLength + 2 + sLength;
        int headerLength = contentLength < 0x80 ? 2 : 3;
        if (destination.Length < headerLength + contentLength)
        {
            bytesWritten = 0;
            return false;
        }

        int position = 0;
        destination[position++] = SequenceTag;
        if (headerLength == 3)
        {
            destination[position++] = LongFormOneByte;
        }

        destination[position++] = (byte)contentLength;
        position = WriteInteger(r, rLength, destination, position);
        bytesWritten = WriteInteger(s, sLength, destination, position);
        return true;
    }

    // An INTEGER is minimal: no leading zero bytes, except one zero kept so a high bit does not mean negative.
    private static ReadOnlySpan<byte> TrimLeadingZeros(ReadOnlySpan<byte> value)
    {
        int start = 0;
        while (start < value.Length - 1 && value[start] == 0)
        {
            start++;
        }

        return value[start..];
    }

    private static int IntegerContentLength(ReadOnlySpan<byte> trimmed) => trimmed.Length + (trimmed[0] >= 0x80 ? 1 : 0);

    private static int WriteInteger(ReadOnlySpan<byte> trimmed, int contentLength, Span<byte> destination, int position)
    {
        destination[position++] = IntegerTag;
        destination[position++] = (byte)contentLength;
        if (contentLength > trimmed.Length)
        {
            destination[position++] = 0;
        }

        trimmed.CopyTo(destination[position..]);
        return position + trimmed.Length;
    }
}
