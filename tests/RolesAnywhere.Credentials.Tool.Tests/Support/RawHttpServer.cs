using System.Net;
using System.Net.Sockets;

namespace RolesAnywhere.Credentials.Tool.Tests.Support;

/// <summary>
/// A loopback TCP server that answers every connection with the same raw bytes (a hostile or broken
/// gateway), or resets it when there are none — what no well-behaved HTTP server can be made to send.
/// </summary>
internal sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public RawHttpServer(byte[]? response)
    {
        listener.Start();
        loop = Task.Run(() => ServeAsync(response), CancellationToken.None);
    }

    public string Endpoint => "http://127.0.0.1:" + ((IPEndPoint)listener.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await loop;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        stop.Dispose();
    }

    private async Task ServeAsync(byte[]? response)
    {
        while (!stop.IsCancellationRequested)
        {
            using var client = await listener.AcceptTcpClientAsync(stop.Token);
            if (response is null)
            {
                client.Client.LingerState = new LingerOption(true, 0);
                continue;
            }

            var stream = client.GetStream();
            var request = new byte[16 * 1024];
            await stream.ReadAtLeastAsync(request, 1, throwOnEndOfStream: false, stop.Token);
            await stream.WriteAsync(response, stop.Token);
            client.Client.Shutdown(SocketShutdown.Both);
        }
    }
}
