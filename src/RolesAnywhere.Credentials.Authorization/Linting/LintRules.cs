namespace RolesAnywhere.Credentials.Authorization.Linting;

/// <summary>
/// The trust-policy lint rules. Grounds: the trust model and attribute-mapping pages of the IAM Roles Anywhere user guide
/// (https://docs.aws.amazon.com/rolesanywhere/latest/userguide/trust-model.html,
/// https://docs.aws.amazon.com/rolesanywhere/latest/userguide/attribute-mapping-and-trust-policy.html) and the IAM condition
/// operator reference (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html).
/// </summary>
public static class LintRules
{
    /// <summary>Gets RA001: an Allow for the service without a pin to a trust anchor (<c>aws:SourceArn</c>).</summary>
    public static LintRule NoTrustAnchorPin { get; } = new(
        "RA001", "no-trust-anchor-pin", LintSeverity.High,
        "An Allow statement for rolesanywhere.amazonaws.com has no condition pinning aws:SourceArn to a trust anchor ARN.",
        "Without it, a certificate from any trust anchor in the account (any CA someone registers) can assume the role; the trust model and the attribute-mapping examples pin aws:SourceArn with ArnEquals.");

    /// <summary>Gets RA002: an Allow for the service without any condition on the certificate.</summary>
    public static LintRule NoCertificateCondition { get; } = new(
        "RA002", "no-certificate-condition", LintSeverity.High,
        "An Allow statement for rolesanywhere.amazonaws.com has no condition on a certificate attribute (aws:PrincipalTag/x509…, sts:SourceIdentity, sts:RoleSessionName).",
        "Then every certificate the trust anchor's CA ever issued, for any workload, can assume the role; the documentation recommends conditions on the attributes extracted from the certificate.");

    /// <summary>Gets RA003: attribute conditions whose values are only wildcards.</summary>
    public static LintRule WildcardOnlyCondition { get; } = new(
        "RA003", "wildcard-only-condition", LintSeverity.Medium,
        "Every certificate-attribute condition of an Allow statement matches any value (\"*\", \"?*\", …).",
        "A condition that matches anything restricts nothing: it only requires the attribute to exist.");

    /// <summary>Gets RA004: an Allow condition on a tag the mapping never produces, so it never matches.</summary>
    public static LintRule UnmappedTagInAllow { get; } = new(
        "RA004", "unmapped-tag-never-matches", LintSeverity.High,
        "An Allow statement requires a principal tag the profile's attribute mapping never produces, so the statement can never apply.",
        "A condition on an absent key is false (IAM); the documentation's own example: without a CN rule for x509Issuer, StringEquals on aws:PrincipalTag/x509Issuer/CN evaluates false. The role is unusable through this statement.");

    /// <summary>Gets RA005: a condition on an unmapped tag that can never restrict (negated in an Allow, positive in a Deny).</summary>
    public static LintRule UnmappedTagNeverRestricts { get; } = new(
        "RA005", "unmapped-tag-never-restricts", LintSeverity.High,
        "A condition meant to keep certificates out names a principal tag the mapping never produces, so it never does: a negated or IfExists condition in an Allow is always true, a positive one in a Deny never applies.",
        "The documentation's example: with the tag dropped by the mapping, StringNotEquals evaluates to true — the condition is disregarded. A Deny on such a tag denies nobody.");

    /// <summary>Gets RA006: an action the service needs is allowed by no statement.</summary>
    public static LintRule MissingRequiredAction { get; } = new(
        "RA006", "missing-required-action", LintSeverity.Error,
        "No Allow statement gives rolesanywhere.amazonaws.com one of sts:AssumeRole, sts:TagSession, sts:SetSourceIdentity.",
        "The trust policy must grant all three (trust model, \"Role trusts\"); without one, every CreateSession fails with AccessDeniedException.");

    /// <summary>Gets RA007: a principal broader than the Roles Anywhere service.</summary>
    public static LintRule BroadPrincipal { get; } = new(
        "RA007", "principal-broader-than-service", LintSeverity.High,
        "An Allow statement's Principal is \"*\" (or {\"AWS\": \"*\"}) instead of {\"Service\": \"rolesanywhere.amazonaws.com\"}.",
        "Everyone, not only IAM Roles Anywhere, is then trusted; only the conditions stand between the role and any caller.");

    /// <summary>Gets RA008: a Like operator with a value without wildcards.</summary>
    public static LintRule LikeWithoutWildcard { get; } = new(
        "RA008", "like-without-wildcard", LintSeverity.Low,
        "StringLike/ArnLike (or the Not forms) with a value that has no * or ?.",
        "It works like StringEquals/ArnEquals; the Equals operator says what is meant and cannot be widened by accident.");

    /// <summary>Gets RA009: an element the evaluator cannot decide.</summary>
    public static LintRule Unsupported { get; } = new(
        "RA009", "unsupported-element", LintSeverity.Medium,
        "A construct 'policy evaluate' cannot decide: a condition operator, context key, policy variable or NotPrincipal outside the subset this tool evaluates, an ARN pattern that is not six parts, a principal in another letter case, or a name that is no IAM operator at all.",
        "'policy evaluate' answers such policies \"cannot tell\" (exit 3) rather than guess; check them another way (IAM policy simulator).");

    /// <summary>Gets RA010: <c>${*}</c> or <c>${?}</c> in a value, which IAM reads as a literal character, not a wildcard.</summary>
    public static LintRule LiteralWildcardEscape { get; } = new(
        "RA010", "escaped-wildcard-is-literal", LintSeverity.High,
        "A condition value holds ${*} or ${?}: IAM reads these as a literal * or ?, not as wildcards.",
        "The escapes exist to match a real * or ? (reference_policies_variables.html, \"Special characters\"). No ARN and hardly any certificate attribute contains one, so a positive condition never matches (an Allow never applies, a Deny denies nobody) and a negated one always holds. Write * or ? for a wildcard, with StringLike/ArnLike.");

    /// <summary>Gets every rule, in id order.</summary>
    public static IReadOnlyList<LintRule> All { get; } =
        [NoTrustAnchorPin, NoCertificateCondition, WildcardOnlyCondition, UnmappedTagInAllow, UnmappedTagNeverRestricts, MissingRequiredAction, BroadPrincipal, LikeWithoutWildcard, Unsupported, LiteralWildcardEscape];
}
