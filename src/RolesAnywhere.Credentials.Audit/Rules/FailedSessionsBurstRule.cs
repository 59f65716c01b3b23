using RolesAnywhere.Credentials.Audit.Sessions;
using RolesAnywhere.Credentials.Authorization.Certificates;

namespace RolesAnywhere.Credentials.Audit.Rules;

/// <summary>
/// <c>failed-sessions-burst</c>: at least N refused CreateSession calls (an <c>errorCode</c> in the record) from one
/// source within M minutes (<c>--failure-burst N/MINUTES</c>, default 5/10): probing with a revoked, foreign or
/// expired certificate, or a misconfigured workload retrying. One finding per burst.
/// </summary>
internal sealed class FailedSessionsBurstRule : IAuditRule
{
    public string Id => "failed-sessions-burst";

    public string Description => "Many refused CreateSession calls from one source in a short time: probing, or a broken workload.";

    public Severity Severity => Severity.Medium;

    public IEnumerable<Finding> Evaluate(AuditEvidence evidence, AuditOptions options)
    {
        var burst = options.FailureBurst;
        var bySource = new Dictionary<string, List<SessionAttempt>>(StringComparer.Ordinal);
        foreach (var attempt in evidence.Attempts)
        {
            if (!attempt.Succeeded)
            {
                var source = attempt.SourceIp ?? "(no source address)";
                if (!bySource.TryGetValue(source, out var list))
                {
                    list = [];
                    bySource[source] = list;
                }

                list.Add(attempt);
            }
        }

        var findings = new List<Finding>();
        foreach (var (source, failures) in bySource)
        {
            var start = 0;
            for (var end = 0; end < failures.Count; end++)
            {
                while (failures[end].Time - failures[start].Time > burst.Window)
                {
                    start++;
                }

                if (end - start + 1 < burst.Count)
                {
                    continue;
                }

                // A burst: extend it over every failure within the window of its start, report it once, move past it.
                var last = end;
                while (last + 1 < failures.Count && failures[last + 1].Time - failures[start].Time <= burst.Window)
                {
                    last++;
                }

                var notKept = evidence.Refused.BySource.TryGetValue(failures[start].SourceIp ?? string.Empty, out var refused) ? refused.NotKept : 0;
                findings.Add(Report(source, failures, start, last, burst, notKept));
                start = last + 1;
                end = last;
            }
        }

        findings.Sort((a, b) => a.EventTime.CompareTo(b.EventTime));
        return findings;
    }

    private Finding Report(string source, List<SessionAttempt> failures, int start, int last, Settings.FailureBurst burst, long notKept)
    {
        var events = new RelatedEvents();
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = start; i <= last; i++)
        {
            events.Add(failures[i].EventId);
            codes.Add(failures[i].ErrorCode ?? "?");
        }

        var first = failures[start];
        var minutes = (failures[last].Time - first.Time).TotalMinutes;
        return new Finding
        {
            Rule = Id,
            Severity = Severity.Medium,
            EventTime = first.Time,
            EventName = "CreateSession",
            EventId = first.EventId,
            SourceIpAddress = first.SourceIp,
            SerialNumber = first.Serial?.ToString(),
            Subject = first.Subject,
            RoleArn = first.RoleArn,
            TrustAnchorArn = first.TrustAnchorArn,
            Message = $"{events.Count} refused CreateSession calls from {source} within {minutes:0.#} minutes (threshold {burst}): {string.Join(", ", codes)}" +
                      (first.ErrorMessage is null ? "." : $"; first: {first.ErrorMessage}") +
                      (notKept > 0 ? $" This address made {notKept} more refused call(s), counted but not examined (memory bound: the first {RefusedCalls.MaxKeptPerSource} are)." : string.Empty),
            RelatedEventIds = events.Ids,
            Input = first.Input,
        };
    }
}
