using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.Identity;

/// <summary>
/// The rules IAM Roles Anywhere applies to an end-entity certificate, checked locally so that a bad
/// certificate fails with the reason before any request: X.509 v3, not a CA, <c>digitalSignature</c>
/// usage when key usage is present, signed with SHA-256 or stronger, inside its validity period,
/// with an RSA 2048–4096, ECDSA P-256/P-384/P-521 or ML-DSA-44/65/87 key, and a positive serial number (RFC 5280).
/// </summary>
internal static class CertificateProfile
{
    private const string RsaOid = "1.2.840.113549.1.1.1";
    private const string EcPublicKeyOid = "1.2.840.10045.2.1";

    /// <summary>Adds one sentence per broken rule to <paramref name="problems"/>; returns the key family when it is acceptable.</summary>
    public static SigningKeyAlgorithm? CheckLeaf(X509Certificate2 certificate, DateTimeOffset now, List<string> problems)
    {
        if (certificate.Version != 3)
        {
            problems.Add($"it is an X.509 version {certificate.Version} certificate; IAM Roles Anywhere requires version 3: issue a new certificate.");
        }

        foreach (var extension in certificate.Extensions)
        {
            if (extension is X509BasicConstraintsExtension { CertificateAuthority: true })
            {
                problems.Add("it is a CA certificate (basic constraints CA:TRUE); use the end-entity certificate the CA issued for your workload.");
            }
            else if (extension is X509KeyUsageExtension usage && (usage.KeyUsages & X509KeyUsageFlags.DigitalSignature) == 0)
            {
                problems.Add($"its key usage ({usage.KeyUsages}) does not include digitalSignature, which IAM Roles Anywhere requires: issue a certificate with keyUsage = digitalSignature.");
            }
        }

        if (IsWeakSignature(certificate.SignatureAlgorithm.Value))
        {
            problems.Add($"it is signed with {certificate.SignatureAlgorithm.FriendlyName ?? certificate.SignatureAlgorithm.Value}; IAM Roles Anywhere requires SHA-256 or stronger: have the CA issue a new certificate.");
        }

        CheckSerial(certificate, problems);
        CheckValidity(certificate, now, problems, "renew the certificate");
        return CheckKey(certificate, problems);
    }

    /// <summary>
    /// Adds a sentence when the serial is a negative DER INTEGER (first content byte with its high bit set).
    /// RFC 5280 section 4.1.2.2 requires a positive serial; the request's <c>Credential=</c> carries the
    /// serial as an unsigned decimal, which for such a certificate is another number than the service reads,
    /// so it would be refused as a serial mismatch. A serial whose value has the high bit set but is encoded
    /// with a leading 00 byte is positive and conformant.
    /// </summary>
    private static void CheckSerial(X509Certificate2 certificate, List<string> problems)
    {
        var serial = certificate.SerialNumberBytes.Span;
        if (serial.Length > 0 && (serial[0] & 0x80) != 0)
        {
            problems.Add($"its serial number {Convert.ToHexString(serial)} is encoded as a negative integer (its first byte has the high bit set, with no leading 00 byte), which RFC 5280 forbids: serial numbers must be positive, and IAM Roles Anywhere would read it as a different number than the one signed. Have the CA issue a new certificate with a conformant serial.");
        }
    }

    /// <summary>Adds a sentence when <paramref name="certificate"/> is outside its validity period at <paramref name="now"/>.</summary>
    public static void CheckValidity(X509Certificate2 certificate, DateTimeOffset now, List<string> problems, string fix)
    {
        var notBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime());
        var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime());
        if (now < notBefore)
        {
            problems.Add($"it is not valid yet: valid from {Format(notBefore)} to {Format(notAfter)}, and it is now {Format(now)}; check the system clock, or wait until it becomes valid.");
        }
        else if (now > notAfter)
        {
            problems.Add($"it expired at {Format(notAfter)} (valid from {Format(notBefore)}), and it is now {Format(now)}; {fix}.");
        }
    }

    private static SigningKeyAlgorithm? CheckKey(X509Certificate2 certificate, List<string> problems)
    {
        switch (certificate.PublicKey.Oid.Value)
        {
            case RsaOid:
                using (var rsa = certificate.GetRSAPublicKey())
                {
                    var bits = rsa?.KeySize ?? 0;
                    if (bits is >= 2048 and <= 4096)
                    {
                        return SigningKeyAlgorithm.Rsa;
                    }

                    problems.Add($"its key is RSA-{bits}; IAM Roles Anywhere accepts RSA keys of 2048 to 4096 bits: issue a certificate for a new key.");
                    return null;
                }

            case EcPublicKeyOid:
                var curve = ReadCurve(certificate.PublicKey.EncodedParameters?.RawData);
                if (curve is "1.2.840.10045.3.1.7" or "1.3.132.0.34" or "1.3.132.0.35")
                {
                    return SigningKeyAlgorithm.Ecdsa;
                }

                problems.Add($"its key is on the elliptic curve {curve ?? "(explicit parameters)"}; IAM Roles Anywhere accepts P-256, P-384 and P-521: issue a certificate for a key on one of those curves.");
                return null;

            case var oid when MLDsaParameterSet.FromOid(oid) is not null:
                return SigningKeyAlgorithm.MLDsa;

            default:
                problems.Add($"its key is of type {certificate.PublicKey.Oid.FriendlyName ?? certificate.PublicKey.Oid.Value}; IAM Roles Anywhere accepts RSA (2048 to 4096 bits), ECDSA (P-256, P-384, P-521) and ML-DSA (44, 65, 87) keys.");
                return null;
        }
    }

    private static string? ReadCurve(byte[]? parameters)
    {
        if (parameters is null)
        {
            return null;
        }

        try
        {
            return AsnDecoder.ReadObjectIdentifier(parameters, AsnEncodingRules.DER, out _);
        }
        catch (AsnContentException)
        {
            return null;
        }
    }

    private static bool IsWeakSignature(string? oid) => oid is
        "1.2.840.113549.1.1.4" // md5WithRSAEncryption
        or "1.2.840.113549.1.1.5" // sha1WithRSAEncryption
        or "1.2.840.10045.4.1" // ecdsa-with-SHA1
        or "1.2.840.10040.4.3"; // dsa-with-sha1

    internal static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Describes a certificate for messages: subject and serial number (public data only).</summary>
    public static string Describe(X509Certificate2 certificate) =>
        $"subject '{certificate.Subject}', serial {certificate.SerialNumber}";
}
