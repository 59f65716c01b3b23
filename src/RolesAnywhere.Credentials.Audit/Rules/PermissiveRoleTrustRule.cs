using RolesAnywhere.Credentials.Audit.Sessions;
using RolesAnywhere.Credentials.Authorization;
using RolesAnywhere.Credentials.Authorization.Linting;
using RolesAnywhere.Credentials.Authorization.Policies;

namespace RolesAnywhere.Credentials.Audit.Rules;

/// <summary>
/// <c>permissive-role-trust</c>: an IAM <c>CreateRole</c> or <c>UpdateAssumeRolePolicy</c> whose trust policy lets
/// <c>rolesanywhere.amazonaws.com</c> assume the role without pinning a trust anchor (<c>aws:SourceArn</c>) or without a
/// condition on the certificate — any certificate of any trust anchor in the account becomes the role (the escalation
/// HackTricks describes). Judged by the Authorization package's trust-policy linter (rules RA001, RA002 and RA007), not
/// a copy of its rules: high when the policy has neither an anchor pin nor a certificate condition, medium when one is
/// missing; low when the call was refused.
/// </summary>
internal sealed class PermissiveRoleTrustRule : IAuditRule
{
    public string Id => "permissive-role-trust";

    public string Description => "A role's trust policy lets Roles Anywhere assume it without a trust-anchor pin or certificate condition: any certificate in the account becomes that role.";

    public Severity Severity => Severity.High;

    public IEnumerable<Finding> Evaluate(AuditEvidence evidence, AuditOptions options)
    {
        foreach (var change in evidence.TrustPolicyChanges)
        {
            if (!TryParse(change.PolicyDocument, out var policy, out var problem))
            {
                yield return Report(change, Severity.Low, $"its trust policy mentions Roles Anywhere but cannot be read ({problem}), so whether it is conditioned cannot be told", []);
                continue;
            }

            var lint = TrustPolicyLinter.Lint(policy);
            var gaps = lint.Where(f => f.Rule == LintRules.NoTrustAnchorPin || f.Rule == LintRules.NoCertificateCondition || f.Rule == LintRules.BroadPrincipal).ToList();
            if (gaps.Count == 0)
            {
                continue;
            }

            var noPin = gaps.Any(f => f.Rule == LintRules.NoTrustAnchorPin);
            var noCertificate = gaps.Any(f => f.Rule == LintRules.NoCertificateCondition);
            var severity = (noPin && noCertificate) || gaps.Any(f => f.Rule == LintRules.BroadPrincipal) ? Severity.High : Severity.Medium;
            yield return Report(change, change.ErrorCode is null ? severity : Severity.Low,
                "its trust policy lets rolesanywhere.amazonaws.com assume the role with " +
                (noPin && noCertificate ? "no condition on the trust anchor or the certificate" : noPin ? "no trust-anchor pin (aws:SourceArn)" : "no condition on the certificate"),
                gaps);
        }
    }

    private static bool TryParse(string document, out TrustPolicy policy, out string? problem)
    {
        try
        {
            // IAM returns (and some callers send) the document URL-encoded: %7B%22Version%22...
            var text = document.TrimStart();
            policy = TrustPolicy.Parse(text.StartsWith('%') ? Uri.UnescapeDataString(text) : text);
            problem = null;
            return true;
        }
        catch (AuthorizationDocumentException e)
        {
            policy = null!;
            problem = e.Message;
            return false;
        }
    }

    private Finding Report(TrustPolicyChange change, Severity severity, string what, List<LintFinding> gaps) => new()
    {
        Rule = Id,
        Severity = severity,
        EventTime = change.Time,
        EventName = change.EventName,
        EventId = change.EventId,
        SourceIpAddress = change.SourceIp,
        RoleArn = change.RoleArn,
        Message = $"{change.EventName} of role {change.RoleName ?? change.RoleArn ?? "?"} by {change.Actor ?? "unknown caller"}: {what}" +
                  (gaps.Count == 0 ? string.Empty : $" (lint {string.Join(", ", gaps.Select(g => g.RuleId).Distinct())}; fix: {gaps[0].Fix})") +
                  (change.ErrorCode is null ? "." : $"; refused ({change.ErrorCode})."),
        RelatedEventIds = change.EventId is { } id ? [id] : [],
        Input = change.Input,
    };
}
