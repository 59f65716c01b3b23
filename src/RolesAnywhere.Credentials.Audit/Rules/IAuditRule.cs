using RolesAnywhere.Credentials.Audit.Sessions;

namespace RolesAnywhere.Credentials.Audit.Rules;

/// <summary>A detection rule with a stable id (used in JSON, SARIF and the docs; never renamed).</summary>
internal interface IAuditRule
{
    string Id { get; }

    /// <summary>One sentence: what the rule finds and why it matters.</summary>
    string Description { get; }

    /// <summary>The highest severity the rule reports.</summary>
    Severity Severity { get; }

    IEnumerable<Finding> Evaluate(AuditEvidence evidence, AuditOptions options);
}
