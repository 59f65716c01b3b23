namespace RolesAnywhere.Credentials.Authorization.Policies;

/// <summary>The outcome of evaluating a trust policy for a CreateSession.</summary>
/// <remarks>IAM policy evaluation logic: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
/// (an explicit deny overrides any allow; without an applicable allow the request is implicitly denied).</remarks>
public enum PolicyDecision
{
    /// <summary>Every action the service needs (<c>sts:AssumeRole</c>, <c>sts:TagSession</c>, <c>sts:SetSourceIdentity</c>) is allowed.</summary>
    Allowed,

    /// <summary>No statement allows one of the actions (IAM's default deny).</summary>
    ImplicitDeny,

    /// <summary>A <c>Deny</c> statement applies.</summary>
    ExplicitDeny,

    /// <summary>The answer depends on something outside the modelled subset (an operator, a key, <c>NotPrincipal</c>, …); see <see cref="PolicyEvaluation.Unsupported"/>.</summary>
    Unsupported,
}
