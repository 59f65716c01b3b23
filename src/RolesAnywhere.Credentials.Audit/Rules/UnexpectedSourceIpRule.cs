using RolesAnywhere.Credentials.Audit.Sessions;
using RolesAnywhere.Credentials.Authorization.Certificates;

namespace RolesAnywhere.Credentials.Audit.Rules;

/// <summary>
/// <c>unexpected-source-ip</c>: CreateSession from an address outside <c>--allowed-cidrs</c>. CloudTrail records the
/// caller's address in <c>sourceIPAddress</c> of the CreateSession event
/// (https://docs.aws.amazon.com/rolesanywhere/latest/userguide/logging-using-cloudtrail.html). One finding per
/// source address and certificate, at its first call; high when a session was issued, medium when every call was refused.
/// </summary>
internal sealed class UnexpectedSourceIpRule : IAuditRule
{
    public string Id => "unexpected-source-ip";

    public string Description => "CreateSession from an address outside the allowed ranges: a certificate and key used from somewhere else.";

    public Severity Severity => Severity.High;

    public IEnumerable<Finding> Evaluate(AuditEvidence evidence, AuditOptions options)
    {
        if (options.AllowedNetworks is not { } allowed)
        {
            yield break;
        }

        var groups = new Dictionary<(string Ip, string? Serial), (SessionAttempt First, RelatedEvents Events, bool AnySucceeded)>();
        var order = new List<(string, string?)>();
        foreach (var attempt in evidence.Attempts)
        {
            if (allowed.Contains(attempt.SourceIp) != false)
            {
                continue;
            }

            var key = (attempt.SourceIp!, attempt.Serial?.ToString());
            if (!groups.TryGetValue(key, out var group))
            {
                group = (attempt, new RelatedEvents(), false);
                order.Add(key);
            }

            group.Events.Add(attempt.EventId);
            groups[key] = group with { AnySucceeded = group.AnySucceeded || attempt.Succeeded };
        }

        foreach (var key in order)
        {
            var (first, events, anySucceeded) = groups[key];
            var notKept = evidence.Refused.BySource.TryGetValue(first.SourceIp!, out var refused) ? refused.NotKept : 0;
            yield return new Finding
            {
                Rule = Id,
                Severity = anySucceeded ? Severity.High : Severity.Medium,
                EventTime = first.Time,
                EventName = "CreateSession",
                EventId = first.EventId,
                SourceIpAddress = first.SourceIp,
                SerialNumber = first.Serial?.ToString(),
                Subject = first.Subject,
                RoleArn = first.RoleArn,
                TrustAnchorArn = first.TrustAnchorArn,
                Message = $"{events.Count} CreateSession call(s) from {first.SourceIp}, outside {allowed.Text}" +
                          (anySucceeded ? "; credentials were issued." : "; all were refused.") +
                          (notKept > 0 ? $" {notKept} further refused call(s) from this address were counted but not examined (memory bound)." : string.Empty),
                RelatedEventIds = events.Ids,
                Input = first.Input,
            };
        }
    }
}
