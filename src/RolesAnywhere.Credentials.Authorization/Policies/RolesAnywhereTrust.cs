namespace RolesAnywhere.Credentials.Authorization.Policies;

/// <summary>
/// The service principal and the actions a role's trust policy must allow for IAM Roles Anywhere.
/// Source: https://docs.aws.amazon.com/rolesanywhere/latest/userguide/trust-model.html ("Role trusts") and
/// https://docs.aws.amazon.com/rolesanywhere/latest/userguide/authentication.html (the AssumeRolePolicyDocument MUST allow
/// rolesanywhere.amazonaws.com to call sts:AssumeRole, sts:TagSession and sts:SetSourceIdentity).
/// </summary>
internal static class RolesAnywhereTrust
{
    public const string ServicePrincipal = "rolesanywhere.amazonaws.com";
    public const string AssumeRole = "sts:AssumeRole";
    public const string TagSession = "sts:TagSession";
    public const string SetSourceIdentity = "sts:SetSourceIdentity";

    public static readonly string[] RequiredActions = [AssumeRole, TagSession, SetSourceIdentity];
}
