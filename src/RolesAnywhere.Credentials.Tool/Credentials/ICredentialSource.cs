namespace RolesAnywhere.Credentials.Tool.Credentials;

/// <summary>Obtains a fresh session from IAM Roles Anywhere: one CreateSession per call, no caching.</summary>
internal interface ICredentialSource
{
    /// <exception cref="RolesAnywhereException">The configuration is unusable or the service refused.</exception>
    Task<SessionCredentials> FetchAsync(CancellationToken cancellationToken);
}
