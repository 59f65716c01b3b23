namespace RolesAnywhere.Credentials.Authorization.Policies;

/// <summary>
/// The <c>Principal</c> of a statement. <c>"*"</c> and <c>{"AWS": "*"}</c> both mean everyone
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html); <c>NotPrincipal</c>
/// is outside the modelled subset.
/// </summary>
internal sealed class PrincipalSet
{
    public bool Everyone { get; init; }

    public bool IsNotPrincipal { get; init; }

    public IReadOnlyList<string> Services { get; init; } = [];

    /// <summary>Principals of other kinds (<c>AWS</c> ARNs or account ids, <c>Federated</c>, <c>CanonicalUser</c>), as <c>Kind:value</c>.</summary>
    public IReadOnlyList<string> Others { get; init; } = [];

    public Truth Matches(string servicePrincipal)
    {
        if (IsNotPrincipal)
        {
            return Truth.Unknown;
        }

        if (Everyone || Services.Contains(servicePrincipal, StringComparer.Ordinal))
        {
            return Truth.True;
        }

        // Whether IAM compares service principal names ignoring case is not documented: "RolesAnywhere.amazonaws.com" is open.
        return Services.Contains(servicePrincipal, StringComparer.OrdinalIgnoreCase) ? Truth.Unknown : Truth.False;
    }
}
