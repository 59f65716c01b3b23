namespace RolesAnywhere.Credentials.Authorization.Policies;

/// <summary>The answer to "would this certificate, through this trust anchor and mapping, be allowed to assume the role?".</summary>
public sealed class PolicyEvaluation
{
    internal PolicyEvaluation(PolicyDecision decision, IReadOnlyList<ActionEvaluation> actions, ActionEvaluation deciding)
    {
        Decision = decision;
        Actions = actions;
        DecidingStatement = deciding.DecidingStatement;
        Explanation = $"{deciding.Action}: {deciding.Explanation}";
        Unsupported = actions.Where(a => a.Decision == PolicyDecision.Unsupported).Select(a => a.Explanation).Distinct().ToArray();
    }

    /// <summary>Gets the overall decision: allowed only when every required action is.</summary>
    public PolicyDecision Decision { get; }

    /// <summary>Gets a value indicating whether the session would be allowed.</summary>
    public bool IsAllowed => Decision == PolicyDecision.Allowed;

    /// <summary>Gets the decision for each of <c>sts:AssumeRole</c>, <c>sts:TagSession</c>, <c>sts:SetSourceIdentity</c>.</summary>
    public IReadOnlyList<ActionEvaluation> Actions { get; }

    /// <summary>Gets the statement that decided the outcome, or <see langword="null"/> for an implicit deny.</summary>
    public PolicyStatement? DecidingStatement { get; }

    /// <summary>Gets the reason for the outcome, naming the action and the condition that held or failed.</summary>
    public string Explanation { get; }

    /// <summary>Gets, when <see cref="Decision"/> is <see cref="PolicyDecision.Unsupported"/>, what the model could not decide.</summary>
    public IReadOnlyList<string> Unsupported { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Decision}: {Explanation}";
}
