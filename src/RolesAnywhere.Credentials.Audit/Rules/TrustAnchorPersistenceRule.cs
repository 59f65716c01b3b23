using RolesAnywhere.Credentials.Audit.Sessions;

namespace RolesAnywhere.Credentials.Audit.Rules;

/// <summary>
/// <c>trust-anchor-persistence</c>: one principal creates a trust anchor and a profile within
/// <see cref="Window"/> — the persistence technique Stratus Red Team replays as
/// <c>aws.persistence.rolesanywhere-create-trust-anchor</c> and Datadog correlates the same way — raised to high when a
/// CreateSession in the input names that trust anchor (someone is using it). Medium without such a session.
/// </summary>
internal sealed class TrustAnchorPersistenceRule : IAuditRule
{
    /// <summary>CreateTrustAnchor and CreateProfile by the same principal this close together are one setup.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    public string Id => "trust-anchor-persistence";

    public string Description => "One principal created a trust anchor and a profile close together (and a session may already use them): a new way in that survives key rotation.";

    public Severity Severity => Severity.High;

    public IEnumerable<Finding> Evaluate(AuditEvidence evidence, AuditOptions options)
    {
        var anchors = evidence.Changes.Where(c => c.EventName == "CreateTrustAnchor" && c.ErrorCode is null && c.Actor is not null).ToList();
        var profiles = evidence.Changes.Where(c => c.EventName == "CreateProfile" && c.ErrorCode is null && c.Actor is not null).ToList();
        foreach (var anchor in anchors)
        {
            var profile = profiles
                .Where(p => p.Actor == anchor.Actor && (p.Time - anchor.Time).Duration() <= Window)
                .OrderBy(p => (p.Time - anchor.Time).Duration())
                .FirstOrDefault();
            if (profile is null)
            {
                continue;
            }

            var sessions = anchor.TrustAnchorArn is { } arn
                ? evidence.Attempts.Where(a => a.TrustAnchorArn == arn && a.Time >= anchor.Time).ToList()
                : [];
            var issued = sessions.Where(s => s.Succeeded).ToList();
            var related = new RelatedEvents();
            related.Add(anchor.EventId);
            related.Add(profile.EventId);
            foreach (var session in sessions)
            {
                related.Add(session.EventId);
            }

            var first = issued.FirstOrDefault() ?? sessions.FirstOrDefault();
            var minutes = (profile.Time - anchor.Time).Duration().TotalMinutes;
            yield return new Finding
            {
                Rule = Id,
                Severity = sessions.Count > 0 ? Severity.High : Severity.Medium,
                EventTime = anchor.Time,
                EventName = "CreateTrustAnchor",
                EventId = anchor.EventId,
                SourceIpAddress = anchor.SourceIp,
                TrustAnchorArn = anchor.TrustAnchorArn,
                SerialNumber = first?.Serial?.ToString(),
                Subject = first?.Subject,
                RoleArn = first?.RoleArn,
                Message = $"{anchor.Actor} created trust anchor {anchor.TrustAnchorArn ?? "(ARN not logged)"} and profile {profile.Resource ?? "(ARN not logged)"} " +
                          $"{minutes:0.#} minute(s) apart" +
                          (sessions.Count == 0
                              ? "; no CreateSession in the input names the anchor yet."
                              : $"; {sessions.Count} CreateSession call(s) name the anchor ({issued.Count} issued), the first from {first!.SourceIp ?? "?"} at {first.Time.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z.") +
                          " If this was not a planned change: disable the anchor (aws rolesanywhere disable-trust-anchor) and the profile, then follow docs/runbooks.md.",
                RelatedEventIds = related.Ids,
                Input = anchor.Input,
            };
        }
    }
}
