using System.Net;
using System.Net.Sockets;

namespace RolesAnywhere.Credentials.TestSupport;

/// <summary>
/// A TCP server on 127.0.0.1 (a free port) for the tests' hand-made HTTP peers: it accepts connections until disposed and
/// gives each to <see cref="ServeAsync"/>, which owns it. Disposing stops accepting and cancels <see cref="Stopping"/>.
/// </summary>
internal abstract class LoopbackTcpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private Task accepting = Task.CompletedTask;

    /// <summary>Gets <c>http://127.0.0.1:port/</c>.</summary>
    public Uri Endpoint => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");

    /// <summary>Gets the token cancelled when the server is disposed.</summary>
    protected CancellationToken Stopping => stop.Token;

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        stop.Dispose();
    }

    /// <summary>Starts listening and accepting; called once by the derived type's factory.</summary>
    protected void Start()
    {
        listener.Start();
        accepting = AcceptAsync();
    }

    /// <summary>Serves one connection, and disposes it.</summary>
    protected abstract Task ServeAsync(TcpClient client);

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stop.Token);
            _ = ServeAsync(client);
        }
    }
}
