using System.Globalization;
using RolesAnywhere.Credentials.Audit.Sessions;
using RolesAnywhere.Credentials.Authorization.Certificates;

namespace RolesAnywhere.Credentials.Audit.Rules;

/// <summary>
/// <c>outside-business-hours</c>: a session issued outside <c>--business-hours</c> in <c>--time-zone</c> (each
/// event's UTC <c>eventTime</c> converted with that zone's daylight-saving rules). For workloads that only run in
/// office hours (developer machines, batch windows). One finding per certificate (or source) and local day.
/// </summary>
internal sealed class OutsideBusinessHoursRule : IAuditRule
{
    public string Id => "outside-business-hours";

    public string Description => "A session was issued outside business hours in the configured time zone.";

    public Severity Severity => Severity.Low;

    public IEnumerable<Finding> Evaluate(AuditEvidence evidence, AuditOptions options)
    {
        if (options.BusinessHours is not { } hours)
        {
            yield break;
        }

        var groups = new Dictionary<(string Who, DateOnly Day), (SessionAttempt First, RelatedEvents Events)>();
        var order = new List<(string, DateOnly)>();
        foreach (var attempt in evidence.Attempts)
        {
            if (!attempt.Succeeded || hours.Contains(attempt.Time))
            {
                continue;
            }

            var key = (attempt.Serial?.ToString() ?? attempt.SourceIp ?? "?", DateOnly.FromDateTime(hours.ToLocal(attempt.Time).DateTime));
            if (!groups.TryGetValue(key, out var group))
            {
                group = (attempt, new RelatedEvents());
                groups[key] = group;
                order.Add(key);
            }

            group.Events.Add(attempt.EventId);
        }

        foreach (var key in order)
        {
            var (first, events) = groups[key];
            var local = hours.ToLocal(first.Time).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
            yield return new Finding
            {
                Rule = Id,
                Severity = Severity.Low,
                EventTime = first.Time,
                EventName = "CreateSession",
                EventId = first.EventId,
                SourceIpAddress = first.SourceIp,
                SerialNumber = first.Serial?.ToString(),
                Subject = first.Subject,
                RoleArn = first.RoleArn,
                TrustAnchorArn = first.TrustAnchorArn,
                Message = $"Session issued at {local} local time, outside {hours.Text}; {events.Count} such session(s) that day.",
                RelatedEventIds = events.Ids,
                Input = first.Input,
            };
        }
    }
}
