using System.Net;

namespace RolesAnywhere.Credentials.Sessions;

/// <summary>Builds the one long-lived <see cref="HttpClient"/> a credentials instance sends CreateSession requests with.</summary>
internal static class SessionHttpClientFactory
{
    /// <summary>A CreateSession response is a few kilobytes; anything far larger is not the service.</summary>
    public const int MaxResponseBytes = 1024 * 1024;

    /// <summary>Connections are recycled this often so DNS changes (regional failover) are picked up.</summary>
    public static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Returns a client over <paramref name="handler"/> (not disposed with the client), or over a new
    /// <see cref="SocketsHttpHandler"/> that uses <paramref name="proxy"/>, or the system proxy
    /// (<c>HTTPS_PROXY</c>, <c>NO_PROXY</c>) when it is <see langword="null"/>. Timeouts are applied per
    /// attempt by the caller on its own clock, so the client's own timeout is infinite; redirects are
    /// never followed (a signed request must not be replayed elsewhere).
    /// </summary>
    public static HttpClient Create(HttpMessageHandler? handler, IWebProxy? proxy)
    {
        HttpClient client;
        if (handler is not null)
        {
            client = new HttpClient(handler, disposeHandler: false);
        }
        else
        {
            var sockets = new SocketsHttpHandler
            {
                UseProxy = true,
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.None,
                PooledConnectionLifetime = PooledConnectionLifetime,
                // No ConnectTimeout: the handler completes connections on the thread pool, so under thread starvation
                // its clock would measure the wait for a thread (a spurious timeout). Connecting is bounded by the
                // call's RefreshTimeout; HttpTimeout measures each request from when it is being sent.
            };
            if (proxy is not null)
            {
                sockets.Proxy = proxy;
            }

            client = new HttpClient(sockets, disposeHandler: true);
        }

        client.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
        client.MaxResponseContentBufferSize = MaxResponseBytes;
        client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        return client;
    }

    /// <summary>Gets the <c>User-Agent</c> (not signed).</summary>
    public static string UserAgent { get; } =
        $"RolesAnywhere.Credentials/{typeof(SessionHttpClientFactory).Assembly.GetName().Version?.ToString(3) ?? "0"}";
}
