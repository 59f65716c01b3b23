using RolesAnywhere.Credentials.Audit.Records;
using RolesAnywhere.Credentials.Audit.Sessions;

namespace RolesAnywhere.Credentials.Audit.Rules;

/// <summary>
/// <c>unrecognized-source-address</c>: a CreateSession, or a call made with a Roles Anywhere session, whose
/// <c>sourceIPAddress</c> is none of the values CloudTrail documents — an IP address, an AWS service's DNS name, or
/// <c>AWS Internal</c> (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html)
/// — or is missing. Such a record cannot be placed inside or outside <c>--allowed-cidrs</c>, so it is reported instead
/// of skipped (an edited or forged log line, or a CloudTrail change the audit does not know). Always armed; one
/// finding per distinct value.
/// </summary>
internal sealed class UnrecognizedSourceAddressRule : IAuditRule
{
    public string Id => "unrecognized-source-address";

    public string Description => "A Roles Anywhere call whose sourceIPAddress is not an IP address, an AWS service name or 'AWS Internal': where it came from cannot be told.";

    public Severity Severity => Severity.Medium;

    public IEnumerable<Finding> Evaluate(AuditEvidence evidence, AuditOptions options)
    {
        var groups = new Dictionary<string, (DateTimeOffset Time, string EventName, string? EventId, string? Serial, string? Subject, string? RoleArn, string? Input, RelatedEvents Events)>(StringComparer.Ordinal);
        var order = new List<string>();

        void Add(string? source, DateTimeOffset time, string eventName, string? eventId, string? serial, string? subject, string? roleArn, string? input)
        {
            var kind = SourceAddress.Classify(source);
            if (kind is not (SourceAddressKind.Unrecognized or SourceAddressKind.Missing))
            {
                return;
            }

            var key = source ?? string.Empty;
            if (!groups.TryGetValue(key, out var group))
            {
                group = (time, eventName, eventId, serial, subject, roleArn, input, new RelatedEvents());
                groups[key] = group;
                order.Add(key);
            }

            group.Events.Add(eventId);
        }

        foreach (var attempt in evidence.Attempts)
        {
            Add(attempt.SourceIp, attempt.Time, "CreateSession", attempt.EventId, attempt.Serial?.ToString(), attempt.Subject, attempt.RoleArn, attempt.Input);
        }

        foreach (var use in evidence.CertificateUses)
        {
            if (use.EventName != "CreateSession" && use.SourceIp is not null)
            {
                Add(use.SourceIp, use.Time, use.EventName, use.EventId, use.Serial.ToString(), use.Subject, use.RoleArn, use.Input);
            }
        }

        foreach (var key in order)
        {
            var g = groups[key];
            var what = key.Length == 0 ? "no sourceIPAddress" : $"sourceIPAddress '{key}'";
            yield return new Finding
            {
                Rule = Id,
                Severity = Severity.Medium,
                EventTime = g.Time,
                EventName = g.EventName,
                EventId = g.EventId,
                SourceIpAddress = key.Length == 0 ? null : key,
                SerialNumber = g.Serial,
                Subject = g.Subject,
                RoleArn = g.RoleArn,
                Message = $"{g.Events.Count} Roles Anywhere call(s) with {what}: CloudTrail documents an IP address, an AWS service's DNS name or 'AWS Internal' there, so whether the caller was inside the allowed ranges cannot be told. Look at the raw records (eventID) and at who can write to the trail's bucket.",
                RelatedEventIds = g.Events.Ids,
                Input = g.Input,
            };
        }
    }
}
