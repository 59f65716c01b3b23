using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography.X509Certificates;

namespace RolesAnywhere.Credentials.Authorization.Certificates;

/// <summary>
/// An X.509 certificate serial number: the unsigned big-endian magnitude, compared by value, so that every spelling
/// of one serial (the role session name IAM Roles Anywhere sets, <c>openssl x509 -serial</c>, a CRL entry, the
/// decimal of the SigV4-X509 <c>Credential=</c>) is one value.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="TryParse(string?, out CertificateSerialNumber)"/> accepts exactly these spellings (surrounding white
/// space is ignored, leading zeros do not change the value):
/// </para>
/// <list type="bullet">
/// <item><description>hexadecimal digits, lower or upper case, without a prefix: <c>1f2e</c>, <c>1F2E</c>, <c>1234</c>.
/// A bare number is <b>hexadecimal</b>, even when it is made only of decimal digits: CAs (<c>openssl ca</c>'s serial
/// file), <c>openssl x509 -serial</c> and CloudTrail's role session names all write serials in hex;</description></item>
/// <item><description><c>0x</c> or <c>0X</c> and hex digits: <c>0x1f2e</c>;</description></item>
/// <item><description>openssl's <c>serial=</c> and hex digits: <c>serial=1F2E</c>;</description></item>
/// <item><description>colon-separated pairs of hex digits, as <c>openssl x509 -text</c> prints them: <c>1f:2e</c>;</description></item>
/// <item><description><c>decimal:</c> and decimal digits, the only way to write a decimal serial: <c>decimal:7982</c>.</description></item>
/// </list>
/// <para>
/// A serial written as text has at most <see cref="MaxLength"/> significant octets (RFC 5280 section 4.1.2.2 allows
/// 20; some CAs exceed it, so there is room, but no more).
/// </para>
/// </remarks>
public readonly struct CertificateSerialNumber : IEquatable<CertificateSerialNumber>
{
    /// <summary>The most significant octets a serial may have: RFC 5280's 20, with room for non-conforming CAs.</summary>
    public const int MaxLength = 32;

    /// <summary>The prefix that marks a decimal serial.</summary>
    public const string DecimalPrefix = "decimal:";

    private const string OpensslPrefix = "serial=";

    /// <summary>Decimal digits of the largest serial (2^256 - 1 has 78 digits).</summary>
    private const int MaxDecimalDigits = 78;

    private static readonly byte[] Zero = [];

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    private readonly byte[]? _magnitude;

    private CertificateSerialNumber(byte[] magnitude)
    {
        _magnitude = magnitude;
    }

    private ReadOnlySpan<byte> Magnitude => _magnitude ?? Zero;

    /// <summary>Reads a serial in one of the documented spellings (see the type's remarks).</summary>
    /// <param name="text">The text, such as <c>1f2e</c>, <c>0x1f2e</c>, <c>serial=1F2E</c>, <c>1f:2e</c> or <c>decimal:7982</c>.</param>
    /// <param name="serial">The serial, when the text is one.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a serial in one of the accepted spellings.</returns>
    public static bool TryParse(string? text, out CertificateSerialNumber serial)
    {
        if (text is null)
        {
            serial = default;
            return false;
        }

        return TryParse(text.AsSpan(), out serial);
    }

    /// <summary>Reads a serial in one of the documented spellings (see the type's remarks).</summary>
    /// <param name="text">The text.</param>
    /// <param name="serial">The serial, when the text is one.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a serial in one of the accepted spellings.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out CertificateSerialNumber serial)
    {
        serial = default;
        var span = text.Trim();
        if (span.StartsWith(DecimalPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return TryParseDecimal(span[DecimalPrefix.Length..], out serial);
        }

        if (span.StartsWith(OpensslPrefix, StringComparison.OrdinalIgnoreCase))
        {
            span = span[OpensslPrefix.Length..];
        }
        else if (span.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            span = span[2..];
        }

        return span.Contains(':') ? TryParseColonPairs(span, out serial) : TryParseHexDigits(span, out serial);
    }

    /// <summary>Reads a serial in one of the documented spellings (see the type's remarks).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The serial.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is not a serial in an accepted spelling.</exception>
    public static CertificateSerialNumber Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var serial)
            ? serial
            : throw new FormatException(
                $"'{Shorten(text)}' is not a certificate serial number. {AcceptedSpellings}");
    }

    /// <summary>Gets a sentence naming the accepted spellings, for error messages and help texts.</summary>
    public static string AcceptedSpellings =>
        $"Write it in hex as the audit, openssl and CloudTrail do (1f2e, 1F2E, 0x1f2e, serial=1F2E or 1f:2e; a bare number such as 1234 is hex), or in decimal with the marker {DecimalPrefix} ({DecimalPrefix}7982); at most {MaxLength} octets.";

    /// <summary>Reads the big-endian bytes of a serial as an unsigned number (a first byte with its high bit set stays positive).</summary>
    /// <param name="bigEndian">The bytes, most significant first, such as a CRL entry's INTEGER contents.</param>
    /// <returns>The serial. Bytes already decoded are taken whatever their length; only text is held to <see cref="MaxLength"/>.</returns>
    public static CertificateSerialNumber FromBigEndian(ReadOnlySpan<byte> bigEndian)
    {
        var start = bigEndian.IndexOfAnyExcept((byte)0);
        return new CertificateSerialNumber(start < 0 ? [] : bigEndian[start..].ToArray());
    }

    /// <summary>
    /// Gets the serial of a certificate, refusing one encoded as a negative DER INTEGER (first octet with its high bit
    /// set and no leading 00), which RFC 5280 section 4.1.2.2 forbids and which the credentials refuse too: IAM Roles
    /// Anywhere would read another number than the one the request names.
    /// </summary>
    /// <param name="certificate">The certificate.</param>
    /// <returns>The serial.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="certificate"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The serial is encoded as a negative integer.</exception>
    public static CertificateSerialNumber FromCertificate(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var bytes = certificate.SerialNumberBytes.Span;
        if (IsEncodedNegative(certificate))
        {
            throw new ArgumentException(
                $"The certificate '{certificate.Subject}' has the serial number {Convert.ToHexString(bytes)} encoded as a negative integer (its first byte has the high bit set, with no leading 00 byte), which RFC 5280 forbids. Have the CA issue a new certificate with a positive serial.",
                nameof(certificate));
        }

        return FromBigEndian(bytes);
    }

    /// <summary>
    /// Gets a value indicating whether the certificate's serial is encoded as a negative DER INTEGER (first content octet with
    /// its high bit set, no leading 00), which RFC 5280 section 4.1.2.2 forbids and IAM Roles Anywhere would read as another
    /// number than the request names. A serial whose value has the high bit set but is encoded with a leading 00 is positive.
    /// </summary>
    /// <param name="certificate">The certificate.</param>
    /// <returns><see langword="true"/> for a negative encoding.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="certificate"/> is <see langword="null"/>.</exception>
    public static bool IsEncodedNegative(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var bytes = certificate.SerialNumberBytes.Span;
        return bytes.Length > 0 && (bytes[0] & 0x80) != 0;
    }

    /// <summary>Returns the serial in lowercase hexadecimal without a prefix or leading zeros (<c>0</c> for zero), as the audit prints it.</summary>
    /// <returns>The hexadecimal form, such as <c>1f2e</c>.</returns>
    public override string ToString()
    {
        var magnitude = Magnitude;
        if (magnitude.IsEmpty)
        {
            return "0";
        }

        var hex = Convert.ToHexString(magnitude).ToLowerInvariant();
        return hex[0] == '0' ? hex[1..] : hex;
    }

    /// <summary>Returns the serial as an unsigned decimal integer, as SigV4-X509 requests and the service name it.</summary>
    /// <returns>The decimal form, such as <c>7982</c>.</returns>
    public string ToDecimalString() =>
        new BigInteger(Magnitude, isUnsigned: true, isBigEndian: true).ToString(CultureInfo.InvariantCulture);

    /// <summary>Returns the unsigned big-endian magnitude, without leading zero octets (empty for zero).</summary>
    /// <returns>A new array.</returns>
    public byte[] ToByteArray() => Magnitude.ToArray();

    /// <inheritdoc/>
    public bool Equals(CertificateSerialNumber other) => Magnitude.SequenceEqual(other.Magnitude);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CertificateSerialNumber other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(Magnitude);
        return hash.ToHashCode();
    }

    /// <summary>Whether two serials are the same number.</summary>
    /// <param name="left">One serial.</param>
    /// <param name="right">The other.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(CertificateSerialNumber left, CertificateSerialNumber right) => left.Equals(right);

    /// <summary>Whether two serials are different numbers.</summary>
    /// <param name="left">One serial.</param>
    /// <param name="right">The other.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(CertificateSerialNumber left, CertificateSerialNumber right) => !left.Equals(right);

    private static bool TryParseHexDigits(ReadOnlySpan<char> digits, out CertificateSerialNumber serial)
    {
        serial = default;
        if (digits.IsEmpty || digits.ContainsAnyExcept(HexDigits))
        {
            return false;
        }

        var significant = digits.TrimStart('0');
        if (significant.Length > 2 * MaxLength)
        {
            return false;
        }

        var bytes = new byte[(significant.Length + 1) / 2];
        var odd = significant.Length % 2;
        for (var i = 0; i < significant.Length; i++)
        {
            var value = (byte)HexValue(significant[i]);
            var index = (i + odd) / 2;
            bytes[index] = (byte)(((i + odd) % 2 == 0) ? value << 4 : bytes[index] | value);
        }

        serial = new CertificateSerialNumber(bytes);
        return true;
    }

    private static bool TryParseColonPairs(ReadOnlySpan<char> text, out CertificateSerialNumber serial)
    {
        serial = default;
        Span<byte> bytes = stackalloc byte[MaxLength];
        var count = 0;

        // "ab:cd:ef": pairs of hex digits, each but the last followed by one colon.
        if (text.Length % 3 != 2)
        {
            return false;
        }

        for (var at = 0; at < text.Length; at += 3)
        {
            var pair = text.Slice(at, 2);
            if (pair.ContainsAnyExcept(HexDigits) || (at + 2 < text.Length && text[at + 2] != ':'))
            {
                return false;
            }

            var value = (byte)((HexValue(pair[0]) << 4) | HexValue(pair[1]));
            if (count == 0 && value == 0)
            {
                continue;
            }

            if (count == MaxLength)
            {
                return false;
            }

            bytes[count++] = value;
        }

        serial = new CertificateSerialNumber(bytes[..count].ToArray());
        return true;
    }

    private static bool TryParseDecimal(ReadOnlySpan<char> digits, out CertificateSerialNumber serial)
    {
        serial = default;
        if (digits.IsEmpty || digits.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        digits = digits.TrimStart('0');
        if (digits.Length > MaxDecimalDigits || !BigInteger.TryParse(digits.IsEmpty ? "0" : digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        if (value.IsZero)
        {
            bytes = [];
        }

        if (bytes.Length > MaxLength)
        {
            return false;
        }

        serial = new CertificateSerialNumber(bytes);
        return true;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");
}
