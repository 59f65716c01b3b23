using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.Authorization.Certificates;
using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.Identity;

/// <summary>
/// The rules IAM Roles Anywhere applies to an end-entity certificate, checked locally so that a bad
/// certificate fails with the reason before any request: X.509 v3, not a CA, <c>digitalSignature</c>
/// usage when key usage is present, signed with SHA-256 or stronger, inside its validity period,
/// with an RSA 2048–4096, ECDSA P-256/P-384/P-521 or ML-DSA-44/65/87 key, and a positive serial number (RFC 5280).
/// The key, signature and serial rules themselves live in the Authorization package (<see cref="CertificateAcceptance"/>,
/// <see cref="CertificateSerialNumber.IsEncodedNegative"/>), which <c>inspect</c> and the renewal checks use too.
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

        if (CertificateAcceptance.IsRejectedSignatureAlgorithm(certificate.SignatureAlgorithm.Value))
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
        if (CertificateSerialNumber.IsEncodedNegative(certificate))
        {
            problems.Add($"its serial number {Convert.ToHexString(certificate.SerialNumberBytes.Span)} is encoded as a negative integer (its first byte has the high bit set, with no leading 00 byte), which RFC 5280 forbids: serial numbers must be positive, and IAM Roles Anywhere would read it as a different number than the one signed. Have the CA issue a new certificate with a conformant serial.");
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
        if (CertificateAcceptance.KeyProblem(certificate) is { } problem)
        {
            problems.Add(problem + ": issue a certificate for a new key.");
            return null;
        }

        return certificate.PublicKey.Oid.Value switch
        {
            RsaOid => SigningKeyAlgorithm.Rsa,
            EcPublicKeyOid => SigningKeyAlgorithm.Ecdsa,
            _ => SigningKeyAlgorithm.MLDsa,
        };
    }

    internal static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Describes a certificate for messages: subject and serial number (public data only).</summary>
    public static string Describe(X509Certificate2 certificate) =>
        $"subject '{certificate.Subject}', serial {certificate.SerialNumber}";
}
