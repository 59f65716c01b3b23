using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RolesAnywhere.Credentials.Authorization.Certificates;

/// <summary>
/// The per-certificate requirements the service states, from https://docs.aws.amazon.com/rolesanywhere/latest/userguide/trust-model.html (certificate requirements under "Signature verification"):
/// <list type="table">
/// <listheader><term>rule</term><description>end-entity / CA</description></listheader>
/// <item><term>version</term><description>X.509 v3 for both</description></item>
/// <item><term>basic constraints</term><description>CA:false / CA:true</description></item>
/// <item><term>key usage</term><description>digitalSignature / keyCertSign</description></item>
/// <item><term>signature algorithm</term><description>SHA-256 or stronger for both (no MD5, no SHA-1)</description></item>
/// <item><term>validity</term><description>within notBefore–notAfter at the time of the request</description></item>
/// </list>
/// Key types, signature algorithms and serial encoding: <see cref="CertificateAcceptance"/> and <see cref="CertificateSerialNumber"/>, the rules the credentials apply too
/// (one home; a problem there is an error here).
/// A missing basic-constraints or key-usage extension is a warning: the documentation asks for them, and services built on
/// RFC 5280 path validation usually accept their absence on an end-entity certificate.
/// </summary>
internal static class CertificateRules
{
    public static void CheckEndEntity(X509Certificate2 certificate, DateTimeOffset now, TimeSpan expiryWarning, List<CertificateProblem> problems)
    {
        var name = certificate.Subject;
        CheckCommon(certificate, now, expiryWarning, "certificate", problems);
        var constraints = certificate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault();
        if (constraints is null)
        {
            problems.Add(new(ProblemSeverity.Warning, name, "The certificate has no basic constraints extension; the service documents CA:false for end-entity certificates.",
                "Issue it with basicConstraints=critical,CA:FALSE."));
        }
        else if (constraints.CertificateAuthority)
        {
            problems.Add(new(ProblemSeverity.Error, name, "The certificate is a CA certificate (basic constraints CA:true); CreateSession needs an end-entity certificate (CA:false).",
                "Issue an end-entity certificate from this CA and sign with its key."));
        }

        var usage = certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault();
        if (usage is null)
        {
            problems.Add(new(ProblemSeverity.Warning, name, "The certificate has no key usage extension; the service documents key usage with digitalSignature.",
                "Issue it with keyUsage=critical,digitalSignature."));
        }
        else if ((usage.KeyUsages & X509KeyUsageFlags.DigitalSignature) == 0)
        {
            problems.Add(new(ProblemSeverity.Error, name, $"The key usage ({usage.KeyUsages}) lacks digitalSignature, which signing a CreateSession needs.",
                "Issue it with keyUsage=critical,digitalSignature."));
        }

        CheckKey(certificate, problems);
    }

    public static void CheckCa(X509Certificate2 certificate, string role, DateTimeOffset now, TimeSpan expiryWarning, List<CertificateProblem> problems)
    {
        var name = certificate.Subject;
        CheckCommon(certificate, now, expiryWarning, role, problems);
        var constraints = certificate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault();
        if (constraints is not { CertificateAuthority: true })
        {
            problems.Add(new(ProblemSeverity.Error, name, $"The {role} is not a CA certificate (basic constraints CA:true is required).",
                "Use the CA's own certificate (basicConstraints=critical,CA:TRUE) as the trust anchor or intermediate."));
        }

        var usage = certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault();
        if (usage is not null && (usage.KeyUsages & X509KeyUsageFlags.KeyCertSign) == 0)
        {
            problems.Add(new(ProblemSeverity.Error, name, $"The {role}'s key usage ({usage.KeyUsages}) lacks keyCertSign, so it cannot issue certificates.",
                "Reissue the CA certificate with keyUsage=critical,keyCertSign,cRLSign."));
        }
    }

    private static void CheckCommon(X509Certificate2 certificate, DateTimeOffset now, TimeSpan expiryWarning, string role, List<CertificateProblem> problems)
    {
        var name = certificate.Subject;
        if (certificate.Version != 3)
        {
            problems.Add(new(ProblemSeverity.Error, name, $"The {role} is X.509 version {certificate.Version}; the service requires version 3.", "Reissue it as an X.509 v3 certificate (with extensions)."));
        }

        var (algorithm, accepted) = SignatureAlgorithms.Describe(certificate.SignatureAlgorithm.Value, certificate.SignatureAlgorithm.FriendlyName);
        if (accepted == false)
        {
            problems.Add(new(ProblemSeverity.Error, name, $"The {role} is signed with {algorithm}; the service rejects MD5 and SHA-1 signatures.", "Reissue it signed with SHA-256 or stronger."));
        }
        else if (accepted is null)
        {
            problems.Add(new(ProblemSeverity.Warning, name, $"The {role} is signed with {algorithm}, whose hash this check cannot confirm is SHA-256 or stronger.", "Prefer sha256WithRSAEncryption or ecdsa-with-SHA256 (or stronger)."));
        }

        var notBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero);
        var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        if (now < notBefore)
        {
            problems.Add(new(ProblemSeverity.Error, name, string.Create(CultureInfo.InvariantCulture, $"The {role} is not valid before {notBefore:u} (now {now:u})."),
                "Wait until it is valid, or check this machine's clock."));
        }
        else if (now > notAfter)
        {
            problems.Add(new(ProblemSeverity.Error, name, string.Create(CultureInfo.InvariantCulture, $"The {role} expired at {notAfter:u}."), "Renew it."));
        }
        else if (notAfter - now < expiryWarning)
        {
            problems.Add(new(ProblemSeverity.Warning, name, string.Create(CultureInfo.InvariantCulture, $"The {role} expires at {notAfter:u}, in {(notAfter - now).TotalDays:0.#} days."), "Renew it soon."));
        }
    }

    private static void CheckKey(X509Certificate2 certificate, List<CertificateProblem> problems)
    {
        var name = certificate.Subject;
        if (CertificateSerialNumber.IsEncodedNegative(certificate))
        {
            problems.Add(new(ProblemSeverity.Error, name, $"The serial number {Convert.ToHexString(certificate.SerialNumberBytes.Span)} is encoded as a negative integer, which RFC 5280 forbids; the credentials refuse it, as the service would read another number.",
                "Have the CA issue a new certificate with a positive serial."));
        }

        if (CertificateAcceptance.KeyProblem(certificate) is { } problem)
        {
            problems.Add(new(ProblemSeverity.Error, name, "The certificate cannot be used: " + problem + ".", "Issue a certificate for a new key: RSA-2048 to RSA-4096, or EC P-256, P-384 or P-521."));
        }
        else if (certificate.GetKeyAlgorithm() is "2.16.840.1.101.3.4.3.17" or "2.16.840.1.101.3.4.3.18" or "2.16.840.1.101.3.4.3.19")
        {
            problems.Add(new(ProblemSeverity.Info, name, "The key is ML-DSA: only endpoints and clients that support AWS4-X509-MLDSA can use it.", "Nothing, if the client signs with ML-DSA."));
        }
    }
}
