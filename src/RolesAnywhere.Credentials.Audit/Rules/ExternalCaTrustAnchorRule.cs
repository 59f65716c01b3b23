using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.Audit.Sessions;

namespace RolesAnywhere.Credentials.Audit.Rules;

/// <summary>
/// <c>external-ca-trust-anchor</c>: a trust anchor created with a <c>source.sourceType</c> other than
/// <c>AWS_ACM_PCA</c> (the API reference's <c>SourceType</c>: <c>AWS_ACM_PCA</c>, <c>CERTIFICATE_BUNDLE</c>,
/// <c>SELF_SIGNED_REPOSITORY</c>, https://docs.aws.amazon.com/rolesanywhere/latest/APIReference/API_Source.html): a CA
/// outside AWS Private CA is trusted, whoever holds its key can mint certificates (the persistence technique of the
/// public rule sets: Elastic's rule on the same condition, Stratus Red Team's
/// <c>aws.persistence.rolesanywhere-create-trust-anchor</c>). The CA's subject and SHA-256 fingerprint are in the
/// finding, from <c>source.sourceData.x509CertificateData</c>. Medium (many teams run their own CA); low when refused.
/// An UpdateTrustAnchor that replaces the CA is <c>trust-anchor-changed</c> (high) already.
/// </summary>
internal sealed class ExternalCaTrustAnchorRule : IAuditRule
{
    private const string AcmPca = "AWS_ACM_PCA";

    public string Id => "external-ca-trust-anchor";

    public string Description => "A trust anchor trusts a CA outside AWS Private CA: whoever holds that CA's key can get credentials.";

    public Severity Severity => Severity.Medium;

    public IEnumerable<Finding> Evaluate(AuditEvidence evidence, AuditOptions options)
    {
        foreach (var change in evidence.Changes)
        {
            if (change.EventName != "CreateTrustAnchor" || change.SourceType is not { } type || type == AcmPca)
            {
                continue;
            }

            var refused = change.ErrorCode is not null;
            yield return new Finding
            {
                Rule = Id,
                Severity = refused ? Severity.Low : Severity.Medium,
                EventTime = change.Time,
                EventName = change.EventName,
                EventId = change.EventId,
                SourceIpAddress = change.SourceIp,
                TrustAnchorArn = change.TrustAnchorArn,
                Message = $"{change.EventName} by {change.Actor ?? "unknown caller"} with sourceType {type}, not {AcmPca}: " +
                          DescribeCa(change.AnchorCertificate) +
                          (change.TrustAnchorArn is null ? string.Empty : $"; anchor {change.TrustAnchorArn}") +
                          (refused ? $"; refused ({change.ErrorCode})." : ". Confirm who owns this CA and where its key is kept."),
                RelatedEventIds = change.EventId is { } id ? [id] : [],
                Input = change.Input,
            };
        }
    }

    /// <summary>The CA's subject and SHA-256 fingerprint, or why they cannot be told.</summary>
    internal static string DescribeCa(string? pem)
    {
        if (string.IsNullOrWhiteSpace(pem))
        {
            return "the record does not carry the CA certificate";
        }

        try
        {
            var fields = PemEncoding.Find(pem);
            var der = Convert.FromBase64String(pem[fields.Base64Data]);
#if NET9_0_OR_GREATER
            using var certificate = X509CertificateLoader.LoadCertificate(der);
#else
            using var certificate = new X509Certificate2(der);
#endif
            return $"CA '{certificate.Subject}', SHA-256 fingerprint {Convert.ToHexString(SHA256.HashData(der))}";
        }
        catch (Exception e) when (e is ArgumentException or FormatException or CryptographicException)
        {
            return "the CA certificate in the record cannot be read";
        }
    }
}
