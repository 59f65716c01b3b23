namespace RolesAnywhere.Credentials.Pkcs11;

/// <summary>
/// Converts the raw <c>r||s</c> signature that PKCS#11 <c>CKM_ECDSA</c> returns into the ASN.1 DER
/// <c>SEQUENCE { INTEGER r, INTEGER s }</c> that SigV4-X509 requires.
/// </summary>
internal static class EcdsaSignatureEncoding
{
    private const byte SequenceTag = 0x30;
    private const byte IntegerTag = 0x02;

    /// <summary>The largest DER signature for a curve whose order is <paramref name="orderSizeInBits"/> long.</summary>
    /// <remarks>
    /// Each INTEGER is below the order: at most bits / 8 + 1 content bytes (a leading zero keeps a full
    /// top byte positive) plus a 2-byte header; the SEQUENCE header is 2 bytes, or 3 once its content
    /// reaches 128 bytes. P-256: 72, P-384: 104, P-521: 139 bytes.
    /// </remarks>
    public static int MaxDerSize(int orderSizeInBits)
    {
        int content = 2 * ((orderSizeInBits / 8) + 1 + 2);
        return content + (content < 128 ? 2 : 3);
    }

    /// <summary>Writes <paramref name="raw"/> (<c>r||s</c>, equal halves) as DER into <paramref name="destination"/>.</summary>
    /// <returns><see langword="false"/> when <paramref name="destination"/> is too small.</returns>
    /// <exception cref="ArgumentException"><paramref name="raw"/> has an odd or zero length.</exception>
    public static bool TryRawToDer(ReadOnlySpan<byte> raw, Span<byte> destination, out int bytesWritten)
    {
        if (raw.IsEmpty || raw.Length % 2 != 0)
        {
            throw new ArgumentException($"A raw ECDSA signature has two equal halves; got {raw.Length} bytes.", nameof(raw));
        }

        int half = raw.Length / 2;
        var r = TrimLeadingZeros(raw[..half]);
        var s = TrimLeadingZeros(raw[half..]);
        int rLength = r.Length + (r[0] >= 0x80 ? 1 : 0);
        int sLength = s.Length + (s[0] >= 0x80 ? 1 : 0);
        int content = 2 + rLength + 2 + sLength;
        int header = content < 128 ? 2 : 3;
        bytesWritten = 0;
        if (destination.Length < header + content)
        {
            return false;
        }

        int offset = 0;
        destination[offset++] = SequenceTag;
        if (header == 3)
        {
            destination[offset++] = 0x81;
        }

        destination[offset++] = (byte)content;
        offset += WriteInteger(r, rLength, destination[offset..]);
        offset += WriteInteger(s, sLength, destination[offset..]);
        bytesWritten = offset;
        return true;
    }

    private static ReadOnlySpan<byte> TrimLeadingZeros(ReadOnlySpan<byte> value)
    {
        int start = 0;
        while (start < value.Length - 1 && value[start] == 0)
        {
            start++;
        }

        return value[start..];
    }

    private static int WriteInteger(ReadOnlySpan<byte> magnitude, int length, Span<byte> destination)
    {
        destination[0] = IntegerTag;
        destination[1] = (byte)length;
        int offset = 2;
        if (length > magnitude.Length)
        {
            destination[offset++] = 0;
        }

        magnitude.CopyTo(destination[offset..]);
        return offset + magnitude.Length;
    }
}
