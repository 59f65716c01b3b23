namespace RolesAnywhere.Credentials.Authorization.Linting;

/// <summary>One problem a lint rule found in a trust policy.</summary>
public sealed class LintFinding
{
    internal LintFinding(LintRule rule, string message, string fix, string? statement)
    {
        Rule = rule;
        Message = message;
        Fix = fix;
        Statement = statement;
    }

    /// <summary>Gets the rule that found it.</summary>
    public LintRule Rule { get; }

    /// <summary>Gets the rule id (<see cref="LintRule.Id"/>).</summary>
    public string RuleId => Rule.Id;

    /// <summary>Gets the severity (<see cref="LintRule.Severity"/>).</summary>
    public LintSeverity Severity => Rule.Severity;

    /// <summary>Gets what is wrong, naming the statement and condition.</summary>
    public string Message { get; }

    /// <summary>Gets how to fix it.</summary>
    public string Fix { get; }

    /// <summary>Gets the statement at fault (its Sid or <c>Statement[i]</c>), or <see langword="null"/> for the whole policy.</summary>
    public string? Statement { get; }

    /// <inheritdoc />
    public override string ToString() => $"{RuleId} {Severity}: {Message} Fix: {Fix}";
}
