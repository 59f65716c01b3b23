using RolesAnywhere.Credentials.Identity;
using RolesAnywhere.Credentials.Refresh;
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
        return For(SessionSettings.FromOptions(options), httpMessageHandler ?? options.HttpMessageHandler, options.Proxy, time);
    }

    /// <summary>Returns the proof for checked session settings, over <paramref name="handler"/> or a new handler using <paramref name="proxy"/>.</summary>
    public static Func<SigningIdentity, CancellationToken, Task> For(SessionSettings settings, HttpMessageHandler? handler, System.Net.IWebProxy? proxy, TimeProvider time) =>
        async (identity, cancellationToken) =>
        {
            using var signer = RotatingRequestSigner.ForIdentity(identity, settings.Endpoint, time);
            using var client = new CreateSessionClient(settings, signer, time, SessionHttpClientFactory.Create(handler, proxy));
            await client.CreateSessionAsync(cancellationToken).ConfigureAwait(false);
        };
}
