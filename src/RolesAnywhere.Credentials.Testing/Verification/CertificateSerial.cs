using System.Globalization;
using System.Numerics;
using System.Security.Cryptography.X509Certificates;

namespace RolesAnywhere.Credentials.Testing.Verification;

/// <summary>Certificate serial numbers as unsigned integers (a first byte with the high bit set stays positive).</summary>
internal static class CertificateSerial
{
    public static BigInteger Of(X509Certificate2 certificate) =>
        new(certificate.GetSerialNumber(), isUnsigned: true, isBigEndian: false);

    public static string Decimal(X509Certificate2 certificate) => Of(certificate).ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses a hexadecimal serial (colons and spaces allowed) as an unsigned integer.</summary>
    public static BigInteger ParseHex(string hex)
    {
        var digits = hex.Replace(":", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        return new BigInteger(Convert.FromHexString(digits.Length % 2 == 1 ? "0" + digits : digits), isUnsigned: true, isBigEndian: true);
    }
}
