using RolesAnywhere.Credentials.Certificates;
using RolesAnywhere.Credentials.Sessions;

namespace RolesAnywhere.Credentials.Renewal;

/// <summary>
/// The session check of a renewal (<see cref="CertificateRenewer.SessionProof"/>): one CreateSession, signed with the
/// new pair as loaded from its temporary files, with the session settings of the credentials (ARNs, region, endpoint,
/// duration, session name, timeouts, retries, proxy). The credentials it returns are dropped: only the service's
/// acceptance of the new pair matters.
/// </summary>
internal static class SessionCheck
{
    /// <summary>Returns the proof for <paramref name="options"/>; their certificate and key settings are not used.</summary>
    /// <exception cref="RolesAnywhereConfigurationException">A session setting (an ARN, the region, the endpoint, the duration) is invalid.</exception>
    public static Func<SigningIdentity, CancellationToken, Task> For(RolesAnywhereOptions options, TimeProvider time, HttpMessageHandler? httpMessageHandler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var settings = SessionSettings.FromOptions(options);
        var handler = httpMessageHandler ?? options.HttpMessageHandler;
        var proxy = options.Proxy;
        return async (identity, cancellationToken) =>
        {
            using var signer = RotatingRequestSigner.ForIdentity(identity, settings.Endpoint, time);
            using var client = new CreateSessionClient(settings, signer, time, SessionHttpClientFactory.Create(handler, proxy));
            await client.CreateSessionAsync(cancellationToken).ConfigureAwait(false);
        };
    }
}
