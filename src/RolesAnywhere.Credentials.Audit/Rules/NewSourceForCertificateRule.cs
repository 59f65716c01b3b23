using System.Globalization;
using System.Net;
using RolesAnywhere.Credentials.Audit.Sessions;
using RolesAnywhere.Credentials.Authorization.Certificates;

namespace RolesAnywhere.Credentials.Audit.Rules;

/// <summary>
/// <c>new-source-for-certificate</c>: a certificate (serial) seen from a second source address, in its
/// CreateSession calls or in calls made with the role session linked back to it. The first address in the
/// audited period is the baseline; every further address is reported once, at its first event. Service names
/// in <c>sourceIPAddress</c> (calls AWS makes on the caller's behalf) are not addresses and are ignored.
/// </summary>
internal sealed class NewSourceForCertificateRule : IAuditRule
{
    public string Id => "new-source-for-certificate";

    public string Description => "A certificate, or a session made with it, was used from a second source address: a copied key or stolen session credentials.";

    public Severity Severity => Severity.Medium;

    public IEnumerable<Finding> Evaluate(AuditEvidence evidence, AuditOptions options)
    {
        var seen = new Dictionary<CertificateSerialNumber, (CertificateUse First, HashSet<string> Sources)>();
        foreach (var use in evidence.CertificateUses)
        {
            if (use.SourceIp is null || !IPAddress.TryParse(use.SourceIp, out _))
            {
                continue;
            }

            if (!seen.TryGetValue(use.Serial, out var entry))
            {
                seen[use.Serial] = (use, new HashSet<string>(StringComparer.Ordinal) { use.SourceIp });
                continue;
            }

            if (!entry.Sources.Add(use.SourceIp))
            {
                continue;
            }

            var first = entry.First;
            var at = first.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

            // Session credentials used from outside the allowed ranges, with no CreateSession from there: stolen credentials
            // (unexpected-source-ip only looks at CreateSession, so this is where they show).
            var outside = use.EventName != "CreateSession" && options.AllowedNetworks is { } allowed && allowed.Contains(use.SourceIp) == false;
            yield return new Finding
            {
                Rule = Id,
                Severity = outside ? Severity.High : Severity.Medium,
                EventTime = use.Time,
                EventName = use.EventName,
                EventId = use.EventId,
                SourceIpAddress = use.SourceIp,
                SerialNumber = use.Serial.ToString(),
                Subject = use.Subject ?? first.Subject,
                RoleArn = use.RoleArn,
                TrustAnchorArn = use.TrustAnchorArn ?? first.TrustAnchorArn,
                Message = $"Certificate {use.Serial.ToString()}{UnknownCertificateRule.SubjectText(use.Subject ?? first.Subject)} used from {use.SourceIp} ({use.EventName}" +
                          (use.EventName == "CreateSession" ? string.Empty : $", {use.Calls} call(s) in that session") +
                          $"); first seen from {first.SourceIp} at {at}. Source #{entry.Sources.Count}." +
                          (outside ? $" The session's credentials were used from outside {options.AllowedNetworks!.Text}: stolen session credentials?" : string.Empty),
                RelatedEventIds = first.EventId is null ? [] : [first.EventId],
                Input = use.Input,
            };
        }
    }
}
