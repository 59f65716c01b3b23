namespace RolesAnywhere.Credentials.Authorization.Linting;

/// <summary>A trust-policy lint rule: its id, severity, what it checks and why it matters.</summary>
public sealed class LintRule
{
    internal LintRule(string id, string name, LintSeverity severity, string summary, string rationale)
    {
        Id = id;
        Name = name;
        Severity = severity;
        Summary = summary;
        Rationale = rationale;
    }

    /// <summary>Gets the stable id, such as <c>RA001</c>.</summary>
    public string Id { get; }

    /// <summary>Gets the short name, such as <c>no-trust-anchor-pin</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the severity of its findings.</summary>
    public LintSeverity Severity { get; }

    /// <summary>Gets what the rule finds.</summary>
    public string Summary { get; }

    /// <summary>Gets why it matters, with the documentation it rests on.</summary>
    public string Rationale { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Name} ({Severity})";
}
