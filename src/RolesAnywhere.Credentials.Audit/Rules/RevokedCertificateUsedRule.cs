using System.Globalization;
using RolesAnywhere.Credentials.Audit.Sessions;
using RolesAnywhere.Credentials.Authorization.Certificates;

namespace RolesAnywhere.Credentials.Audit.Rules;

/// <summary>
/// <c>revoked-certificate-used</c>: a certificate on a <c>--crl</c> was used at or after its revocation date. Roles
/// Anywhere only knows of revocations through CRLs imported into it (ImportCrl), so a success here means the CRL
/// was never imported, was disabled, or arrived late. High when credentials were issued or used; low when every
/// attempt was refused (the revocation works, but someone still holds the key).
/// </summary>
internal sealed class RevokedCertificateUsedRule : IAuditRule
{
    public string Id => "revoked-certificate-used";

    public string Description => "A revoked certificate obtained or used credentials: the CRL was never imported into Roles Anywhere, or not in time.";

    public Severity Severity => Severity.High;

    public IEnumerable<Finding> Evaluate(AuditEvidence evidence, AuditOptions options)
    {
        if (options.Revocations is not { } revocations)
        {
            return [];
        }

        return CertificateUseGroups.BySerial(
            evidence.CertificateUses,
            use => revocations.TryGet(use.Serial, out var revokedAt, out _) && use.Time >= revokedAt,
            (first, events, anySucceeded) =>
            {
                revocations.TryGet(first.Serial, out var revokedAt, out var source);
                var when = revokedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                return new Finding
                {
                    Rule = Id,
                    Severity = anySucceeded ? Severity.High : Severity.Low,
                    EventTime = first.Time,
                    EventName = first.EventName,
                    EventId = first.EventId,
                    SourceIpAddress = first.SourceIp,
                    SerialNumber = first.Serial.ToString(),
                    Subject = first.Subject,
                    RoleArn = first.RoleArn,
                    TrustAnchorArn = first.TrustAnchorArn,
                    Message = anySucceeded
                        ? $"Certificate {first.Serial.ToString()}{UnknownCertificateRule.SubjectText(first.Subject)}, revoked {when} in {source}, was used {events.Count} time(s) afterwards: import the CRL into Roles Anywhere (aws rolesanywhere import-crl) or disable the trust anchor."
                        : $"Certificate {first.Serial.ToString()}{UnknownCertificateRule.SubjectText(first.Subject)}, revoked {when} in {source}, was tried {events.Count} time(s) afterwards and refused: the revocation is in effect, but someone still holds the key.",
                    RelatedEventIds = events.Ids,
                    Input = first.Input,
                };
            });
    }
}
