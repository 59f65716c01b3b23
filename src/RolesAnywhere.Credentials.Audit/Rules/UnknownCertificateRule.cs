using RolesAnywhere.Credentials.Audit.Sessions;
using RolesAnywhere.Credentials.Authorization.Certificates;

namespace RolesAnywhere.Credentials.Audit.Rules;

/// <summary>
/// <c>unknown-certificate</c>: a certificate whose serial is not in <c>--known-serials</c> was used (malicious or
/// mistaken issuance by a trusted CA). The serial comes from the records: the certificate when logged, else the
/// role session name (the hex serial, https://docs.aws.amazon.com/rolesanywhere/latest/userguide/logging-using-cloudtrail.html).
/// One finding per serial, at its first use.
/// </summary>
internal sealed class UnknownCertificateRule : IAuditRule
{
    public string Id => "unknown-certificate";

    public string Description => "A certificate whose serial is not on the list of known serials was used: issuance nobody expected.";

    public Severity Severity => Severity.High;

    public IEnumerable<Finding> Evaluate(AuditEvidence evidence, AuditOptions options)
    {
        if (options.KnownSerials is not { } known)
        {
            return [];
        }

        return CertificateUseGroups.BySerial(evidence.CertificateUses, use => !known.Contains(use.Serial), (first, events, anySucceeded) => new Finding
        {
            Rule = Id,
            Severity = anySucceeded ? Severity.High : Severity.Medium,
            EventTime = first.Time,
            EventName = first.EventName,
            EventId = first.EventId,
            SourceIpAddress = first.SourceIp,
            SerialNumber = first.Serial.ToString(),
            Subject = first.Subject,
            RoleArn = first.RoleArn,
            TrustAnchorArn = first.TrustAnchorArn,
            Message = $"Certificate serial {first.Serial.ToString()}{SubjectText(first.Subject)} is not in {known.Source}; {events.Count} event(s)" +
                      (anySucceeded ? ", credentials were issued or used." : ", all refused."),
            RelatedEventIds = events.Ids,
            Input = first.Input,
        });
    }

    internal static string SubjectText(string? subject) => subject is null ? string.Empty : $" ({subject})";
}
