using RolesAnywhere.Credentials.Authorization.Identity;

namespace RolesAnywhere.Credentials.Authorization.Policies;

/// <summary>What a trust policy is asked about: a session identity presented through a trust anchor.</summary>
public sealed class AuthorizationRequest
{
    /// <summary>Initializes a new instance of the <see cref="AuthorizationRequest"/> class.</summary>
    /// <param name="identity">The session identity (from <see cref="SessionIdentity.FromCertificate"/>).</param>
    /// <param name="trustAnchorArn">The trust anchor ARN, which the service passes as <c>aws:SourceArn</c>.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="trustAnchorArn"/> is not a Roles Anywhere trust anchor ARN.</exception>
    public AuthorizationRequest(SessionIdentity identity, string trustAnchorArn)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(trustAnchorArn);
        if (ArnMatcher.Split(trustAnchorArn) is not [_, _, "rolesanywhere", _, _, var resource] || !resource.StartsWith("trust-anchor/", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"'{trustAnchorArn}' is not a trust anchor ARN (arn:aws:rolesanywhere:REGION:ACCOUNT:trust-anchor/ID).", nameof(trustAnchorArn));
        }

        Identity = identity;
        TrustAnchorArn = trustAnchorArn;
    }

    /// <summary>Gets the session identity.</summary>
    public SessionIdentity Identity { get; }

    /// <summary>Gets the trust anchor ARN.</summary>
    public string TrustAnchorArn { get; }
}
