namespace RolesAnywhere.Credentials.Authorization.Policies;

/// <summary>A role's trust policy (its <c>AssumeRolePolicyDocument</c>), parsed, and evaluated as IAM does for a Roles Anywhere CreateSession.</summary>
/// <remarks>
/// Evaluation follows https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html: for each of the
/// three actions the service needs, an applicable <c>Deny</c> wins, else an applicable <c>Allow</c> allows, else the action is
/// implicitly denied; the session is allowed only when all three are. Conditions outside the modelled subset make the answer
/// <see cref="PolicyDecision.Unsupported"/> unless a definite deny settles it anyway.
/// </remarks>
public sealed class TrustPolicy
{
    internal TrustPolicy(string? version, IReadOnlyList<PolicyStatement> statements)
    {
        Version = version;
        Statements = statements;
    }

    /// <summary>Gets the policy's <c>Version</c>, or <see langword="null"/> when absent (IAM then reads it as 2008-10-17: no policy variables).</summary>
    public string? Version { get; }

    /// <summary>Gets the statements in document order.</summary>
    public IReadOnlyList<PolicyStatement> Statements { get; }

    /// <summary>Reads a trust policy.</summary>
    /// <param name="json">A policy document, or the output of <c>aws iam get-role</c> (its <c>Role.AssumeRolePolicyDocument</c>, also URL-encoded).</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="AuthorizationDocumentException">The JSON is malformed (the message names the line and column) or not a valid trust policy (it names the element).</exception>
    public static TrustPolicy Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return TrustPolicyParser.Parse(json);
    }

    /// <summary>Decides whether the request would be allowed to assume the role.</summary>
    /// <param name="request">The session identity and trust anchor.</param>
    /// <returns>The decision, per action, with the deciding statement and condition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    public PolicyEvaluation Evaluate(AuthorizationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var variables = Version == PolicyVariables.CurrentVersion;
        var actions = InvalidOperator() is { } invalid
            ? RolesAnywhereTrust.RequiredActions.Select(action => new ActionEvaluation(
                action, PolicyDecision.Unsupported, invalid.Statement, $"cannot tell: {invalid.Condition.Parsed.UnsupportedReason} IAM refuses a policy that uses it, so no statement's outcome is known.")).ToArray()
            : RolesAnywhereTrust.RequiredActions.Select(action => EvaluateAction(action, new RequestContext(request.Identity, request.TrustAnchorArn, action), variables)).ToArray();
        var deciding =
            actions.FirstOrDefault(a => a.Decision == PolicyDecision.ExplicitDeny)
            ?? actions.FirstOrDefault(a => a.Decision == PolicyDecision.ImplicitDeny)
            ?? actions.FirstOrDefault(a => a.Decision == PolicyDecision.Unsupported)
            ?? actions[0];
        return new PolicyEvaluation(deciding.Decision, actions, deciding);
    }

    /// <summary>The first condition whose operator is no IAM operator at all: such a policy is not one IAM would hold, whatever its other statements say.</summary>
    private (PolicyStatement Statement, PolicyCondition Condition)? InvalidOperator() =>
        Statements.SelectMany(s => s.Conditions.Select(c => (Statement: s, Condition: c))).Where(p => p.Condition.Parsed.IsUnknownToIam)
            .Select(p => ((PolicyStatement, PolicyCondition)?)p).FirstOrDefault();

    private ActionEvaluation EvaluateAction(string action, RequestContext context, bool variables)
    {
        var outcomes = Statements.Select(s => (Statement: s, Outcome: StatementEvaluator.Evaluate(s, action, context, variables))).ToArray();
        var denies = outcomes.Where(o => o.Statement.Effect == PolicyEffect.Deny).ToArray();
        var allows = outcomes.Where(o => o.Statement.Effect == PolicyEffect.Allow).ToArray();

        if (denies.FirstOrDefault(o => o.Outcome.Applies == Truth.True) is { Statement: not null } deny)
        {
            return new ActionEvaluation(action, PolicyDecision.ExplicitDeny, deny.Statement, $"explicitly denied by {deny.Outcome.Reason}");
        }

        if (denies.FirstOrDefault(o => o.Outcome.Applies == Truth.Unknown) is { Statement: not null } openDeny)
        {
            return new ActionEvaluation(action, PolicyDecision.Unsupported, openDeny.Statement, $"cannot tell whether Deny {openDeny.Outcome.Reason}");
        }

        if (allows.FirstOrDefault(o => o.Outcome.Applies == Truth.True) is { Statement: not null } allow)
        {
            return new ActionEvaluation(action, PolicyDecision.Allowed, allow.Statement, $"allowed by {allow.Outcome.Reason}");
        }

        if (allows.FirstOrDefault(o => o.Outcome.Applies == Truth.Unknown) is { Statement: not null } openAllow)
        {
            return new ActionEvaluation(action, PolicyDecision.Unsupported, openAllow.Statement, $"cannot tell whether Allow {openAllow.Outcome.Reason}");
        }

        var relevant = allows.Where(o => o.Statement.Principal.Matches(RolesAnywhereTrust.ServicePrincipal) != Truth.False && ActionMatcher.Covers(o.Statement, action)).ToArray();
        var why = relevant.Length > 0
            ? "no Allow statement applies: " + string.Join(" ", relevant.Select(o => o.Outcome.Reason))
            : allows.Length > 0
                ? $"no Allow statement names {RolesAnywhereTrust.ServicePrincipal} with {action}: " + string.Join(" ", allows.Select(o => o.Outcome.Reason))
                : "the policy has no Allow statement.";
        return new ActionEvaluation(action, PolicyDecision.ImplicitDeny, relevant.FirstOrDefault().Statement, "implicitly denied: " + why);
    }
}
