using RolesAnywhere.Credentials.Audit.Rules;

namespace RolesAnywhere.Credentials.Audit;

/// <summary>The findings, in time order, and the summary of one audit run.</summary>
internal sealed class AuditResult
{
    public required IReadOnlyList<Finding> Findings { get; init; }

    public required AuditSummary Summary { get; init; }

    public required AuditOptions Options { get; init; }

    /// <summary>Per certificate, what it did (the <c>--timeline</c> view), ordered by the certificate's first event.</summary>
    public IReadOnlyList<Sessions.CertificateTimeline> Timelines { get; init; } = [];

    /// <summary>Whether any finding is at or above <paramref name="threshold"/> (the <c>--fail-on</c> test).</summary>
    public bool HasFindingsAtOrAbove(Severity threshold) => Findings.Any(f => f.Severity >= threshold);
}
