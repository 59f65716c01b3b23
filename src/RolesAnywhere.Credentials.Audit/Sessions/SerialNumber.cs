using System.Globalization;
using System.Numerics;

namespace RolesAnywhere.Credentials.Audit.Sessions;

/// <summary>
/// A certificate serial number, held as lowercase big-endian hex without leading zeros, so that the forms it
/// appears in compare equal: the role session name Roles Anywhere sets (hex,
/// https://docs.aws.amazon.com/rolesanywhere/latest/userguide/logging-using-cloudtrail.html), <c>openssl x509 -serial</c>
/// (<c>serial=1F2E…</c>), decimal, and the serials of a CRL.
/// </summary>
internal readonly record struct SerialNumber
{
    /// <summary>RFC 5280 allows 20 octets; a few CAs exceed it, so allow some room but refuse nonsense.</summary>
    private const int MaxHexDigits = 64;

    private SerialNumber(string hex)
    {
        Hex = hex;
    }

    public string Hex { get; }

    public override string ToString() => Hex;

    /// <summary>Reads hex digits, optionally prefixed with <c>0x</c> and separated by colons (<c>1f:2e</c>).</summary>
    public static bool TryParseHex(string? text, out SerialNumber serial)
    {
        serial = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        if (span.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            span = span[2..];
        }

        Span<char> digits = stackalloc char[MaxHexDigits];
        var count = 0;
        foreach (var c in span)
        {
            if (c == ':')
            {
                continue;
            }

            if (!char.IsAsciiHexDigit(c) || count == MaxHexDigits)
            {
                return false;
            }

            if (count == 0 && c == '0')
            {
                continue;
            }

            digits[count++] = char.ToLowerInvariant(c);
        }

        if (count == 0 && !span.Contains('0'))
        {
            return false;
        }

        serial = new SerialNumber(count == 0 ? "0" : new string(digits[..count]));
        return true;
    }

    public static bool TryParseDecimal(string text, out SerialNumber serial)
    {
        serial = default;
        var span = text.AsSpan().Trim();
        if (span.IsEmpty || span.Length > 80 || span.ContainsAnyExceptInRange('0', '9') ||
            !BigInteger.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        return TryParseHex(value.ToString("x", CultureInfo.InvariantCulture), out serial);
    }

    /// <summary>From the big-endian bytes of an X.509 serial (the DER INTEGER contents).</summary>
    public static SerialNumber FromBigEndian(ReadOnlySpan<byte> bytes)
    {
        return TryParseHex(Convert.ToHexString(bytes), out var serial) ? serial : new SerialNumber("0");
    }
}
