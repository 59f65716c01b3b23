using RolesAnywhere.Credentials.Audit.Sessions;

namespace RolesAnywhere.Credentials.Audit.Rules;

/// <summary>
/// <c>role-chaining</c>: an STS <c>AssumeRole</c> made with the credentials of a Roles Anywhere session (its
/// <c>userIdentity.arn</c> is the session's <c>assumed-role/ROLE/SERIAL</c>), or of a session chained from one: the
/// certificate's credentials used to reach another role (threat model §5, the pivot). The target role is in the
/// finding. High when the target looks administrative (<c>OrganizationAccountAccessRole</c>, a name containing
/// <c>Admin</c>) or is in another account; low otherwise (chaining can be by design). A refused call is reported one
/// step lower (an attempted pivot). The record shape is the STS AssumeRole example of
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-integration.html with an <c>AssumedRole</c> caller.
/// </summary>
internal sealed class RoleChainingRule : IAuditRule
{
    public string Id => "role-chaining";

    public string Description => "A Roles Anywhere session assumed another role: where a stolen certificate's credentials go next.";

    public Severity Severity => Severity.High;

    public IEnumerable<Finding> Evaluate(AuditEvidence evidence, AuditOptions options)
    {
        foreach (var chain in evidence.RoleChains)
        {
            var target = chain.Call.TargetRoleArn ?? "?";
            var reasons = new List<string>();
            if (IsAdministrative(target))
            {
                reasons.Add("the target looks administrative");
            }

            if (AccountOf(target) is { } targetAccount && targetAccount != chain.FromSession.Account)
            {
                reasons.Add($"the target is in another account ({targetAccount})");
            }

            var severity = reasons.Count > 0 ? Severity.High : Severity.Low;
            var refused = chain.Call.ErrorCode is not null;
            if (refused)
            {
                severity = severity == Severity.High ? Severity.Medium : Severity.Low;
            }

            var from = $"{chain.FromSession.RoleName}/{chain.FromSession.SessionName}";
            yield return new Finding
            {
                Rule = Id,
                Severity = severity,
                EventTime = chain.Call.Time,
                EventName = "AssumeRole",
                EventId = chain.Call.EventId,
                SourceIpAddress = chain.Call.SourceIp,
                SerialNumber = chain.Serial.ToString(),
                Subject = chain.Subject,
                RoleArn = chain.FromRoleArn,
                Message = $"Session {from} of certificate {chain.Serial}{(chain.Subject is null ? string.Empty : $" ({chain.Subject})")} " +
                          $"{(refused ? "tried to assume" : "assumed")} {target}" +
                          (chain.Call.TargetSessionName is { } name ? $" as session '{name}'" : string.Empty) +
                          (chain.Depth > 1 ? $" ({chain.Depth} hops from the certificate's own session)" : string.Empty) +
                          (refused ? $"; refused ({chain.Call.ErrorCode})" : string.Empty) +
                          (reasons.Count > 0 ? "; " + string.Join("; ", reasons) : string.Empty) + ".",
                RelatedEventIds = chain.Call.EventId is { } id ? [id] : [],
            };
        }
    }

    /// <summary>
    /// Role names that usually carry administrator rights: the role AWS Organizations creates in member accounts
    /// (<c>OrganizationAccountAccessRole</c>), IAM Identity Center's administrator permission set, and any name with
    /// <c>Admin</c> in it.
    /// </summary>
    internal static bool IsAdministrative(string roleArn)
    {
        var name = roleArn[(roleArn.LastIndexOf('/') + 1)..];
        return name.Equals("OrganizationAccountAccessRole", StringComparison.OrdinalIgnoreCase) ||
               name.Contains("Admin", StringComparison.OrdinalIgnoreCase);
    }

    private static string? AccountOf(string arn)
    {
        var parts = arn.Split(':');
        return parts.Length >= 6 && parts[4].Length > 0 ? parts[4] : null;
    }
}
