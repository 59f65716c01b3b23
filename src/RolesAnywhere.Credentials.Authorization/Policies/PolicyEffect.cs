namespace RolesAnywhere.Credentials.Authorization.Policies;

/// <summary>The <c>Effect</c> of a policy statement.</summary>
public enum PolicyEffect
{
    /// <summary><c>Allow</c>.</summary>
    Allow,

    /// <summary><c>Deny</c>: an explicit deny overrides every allow.</summary>
    Deny,
}
