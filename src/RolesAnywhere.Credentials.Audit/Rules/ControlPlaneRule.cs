using RolesAnywhere.Credentials.Audit.Sessions;

namespace RolesAnywhere.Credentials.Audit.Rules;

/// <summary>
/// Base of the rules over Roles Anywhere control-plane changes. The action names are those of the IAM Roles Anywhere
/// API Reference (https://docs.aws.amazon.com/rolesanywhere/latest/APIReference/API_Operations.html; there is no
/// <c>ValidateTrustAnchor</c>), each logged as a management event with the caller's identity and address
/// (https://docs.aws.amazon.com/rolesanywhere/latest/userguide/logging-using-cloudtrail.html). A refused change
/// (an <c>errorCode</c>) is reported as low: someone tried.
/// </summary>
internal abstract class ControlPlaneRule : IAuditRule
{
    public abstract string Id { get; }

    public abstract string Description { get; }

    public Severity Severity => Severity.High;

    /// <summary>The actions this rule reports, with their severity when they succeed.</summary>
    protected abstract IReadOnlyDictionary<string, Severity> Actions { get; }

    public IEnumerable<Finding> Evaluate(AuditEvidence evidence, AuditOptions options)
    {
        foreach (var change in evidence.Changes)
        {
            if (!Actions.TryGetValue(change.EventName, out var severity))
            {
                continue;
            }

            var refused = change.ErrorCode is not null;
            yield return new Finding
            {
                Rule = Id,
                Severity = refused ? Severity.Low : Adjust(change, severity),
                EventTime = change.Time,
                EventName = change.EventName,
                EventId = change.EventId,
                SourceIpAddress = change.SourceIp,
                TrustAnchorArn = change.TrustAnchorArn,
                Message = $"{change.EventName}" + (change.Resource is null ? string.Empty : $" on {change.Resource}") +
                          $" by {change.Actor ?? "unknown caller"}" + Detail(change) +
                          (refused ? $" was refused ({change.ErrorCode})." : "."),
                Input = change.Input,
            };
        }
    }

    /// <summary>Raises the severity for changes whose fields matter more (overridden by the profile rule).</summary>
    protected virtual Severity Adjust(ControlPlaneChange change, Severity severity) => severity;

    private static string Detail(ControlPlaneChange change)
    {
        var fields = change.Fields.Where(f => f is not ("profileId" or "trustAnchorId" or "crlId")).ToList();
        return fields.Count == 0 ? string.Empty : $" (fields: {string.Join(", ", fields)})";
    }
}
