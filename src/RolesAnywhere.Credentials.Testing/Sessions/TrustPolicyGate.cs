using RolesAnywhere.Credentials.Authorization.Identity;
using RolesAnywhere.Credentials.Authorization.Policies;
using RolesAnywhere.Credentials.Testing.Hosting;
using RolesAnywhere.Credentials.Testing.Verification;

namespace RolesAnywhere.Credentials.Testing.Sessions;

/// <summary>
/// The <c>AssumeRole</c> the service makes for a CreateSession, as far as the role's trust policy decides it: the principal
/// <c>rolesanywhere.amazonaws.com</c>, the actions <c>sts:AssumeRole</c>, <c>sts:TagSession</c> and
/// <c>sts:SetSourceIdentity</c>, <c>aws:SourceArn</c> = the trust anchor ARN, <c>aws:SourceAccount</c>, and the session
/// identity's principal tags (https://docs.aws.amazon.com/rolesanywhere/latest/userguide/trust-model.html, "Role trusts";
/// https://docs.aws.amazon.com/rolesanywhere/latest/userguide/attribute-mapping-and-trust-policy.html). The evaluation itself
/// is the Authorization library's, the same as <c>rolesanywhere policy evaluate</c>.
/// </summary>
internal static class TrustPolicyGate
{
    /// <summary>
    /// Evaluates the role's trust policy, if it has one, and records the evaluation.
    /// </summary>
    /// <exception cref="RequestRejectedException">
    /// The policy denies the session, or uses something the model cannot evaluate (the emulator refuses rather than guess,
    /// saying so in the message, since the real service might decide either way).
    /// </exception>
    public static void Check(EmulatorState state, string roleArn, string trustAnchorArn, SessionIdentity identity, EmulatorRequest record)
    {
        if (!state.TrustPolicies.TryGetValue(roleArn, out var policy))
        {
            return;
        }

        var evaluation = policy.Evaluate(new AuthorizationRequest(identity, trustAnchorArn));
        record.TrustPolicyEvaluation = evaluation;
        if (evaluation.IsAllowed)
        {
            return;
        }

        // The service names the role and nothing else: it never says which condition failed. Users report this exact text for
        // a trust-policy condition that does not match, a missing sts:SetSourceIdentity and a role the certificate may not use.
        var refusal = $"Unable to assume role for {roleArn}";
        if (evaluation.Decision == PolicyDecision.Unsupported)
        {
            var what = string.Join("; ", evaluation.Unsupported);
            throw new RequestRejectedException(403, "AccessDeniedException",
                $"{refusal}: the emulator cannot evaluate its trust policy ({what}) and refuses rather than guess",
                $"The trust policy of {roleArn} uses something the emulator does not evaluate, so it refuses instead of guessing: {what}");
        }

        throw new RequestRejectedException(403, "AccessDeniedException", refusal,
            $"The trust policy of {roleArn} denies the session ({evaluation.Decision}): {evaluation.Explanation}");
    }
}
