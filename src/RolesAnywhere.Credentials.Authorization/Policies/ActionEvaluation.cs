namespace RolesAnywhere.Credentials.Authorization.Policies;

/// <summary>The decision for one of the actions the service needs, with the statement that decided and why.</summary>
public sealed class ActionEvaluation
{
    internal ActionEvaluation(string action, PolicyDecision decision, PolicyStatement? decidingStatement, string explanation)
    {
        Action = action;
        Decision = decision;
        DecidingStatement = decidingStatement;
        Explanation = explanation;
    }

    /// <summary>Gets the action, such as <c>sts:TagSession</c>.</summary>
    public string Action { get; }

    /// <summary>Gets the decision for this action.</summary>
    public PolicyDecision Decision { get; }

    /// <summary>Gets the statement that allowed or explicitly denied it (or whose unsupported element left it open), or <see langword="null"/> for an implicit deny.</summary>
    public PolicyStatement? DecidingStatement { get; }

    /// <summary>Gets the reason in words: the condition that held or failed, or what is unsupported.</summary>
    public string Explanation { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Action}: {Decision} — {Explanation}";
}
