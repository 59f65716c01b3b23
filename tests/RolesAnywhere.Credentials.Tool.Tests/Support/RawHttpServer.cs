using System.Net.Sockets;
using RolesAnywhere.Credentials.TestSupport;

namespace RolesAnywhere.Credentials.Tool.Tests.Support;

/// <summary>
/// A loopback TCP server that answers every connection with the same raw bytes (a hostile or broken
/// gateway), or resets it when there are none — what no well-behaved HTTP server can be made to send.
/// </summary>
internal sealed class RawHttpServer : LoopbackTcpServer
{
    private readonly byte[]? response;

    public RawHttpServer(byte[]? response)
    {
        this.response = response;
        Start();
    }

    /// <summary>Gets <c>http://127.0.0.1:port</c>, without a path, as <c>--endpoint</c> takes it.</summary>
    public string Origin => Endpoint.GetLeftPart(UriPartial.Authority);

    protected override async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                if (response is null)
                {
                    client.Client.LingerState = new LingerOption(true, 0);
                    return;
                }

                var stream = client.GetStream();
                var request = new byte[16 * 1024];
                await stream.ReadAtLeastAsync(request, 1, throwOnEndOfStream: false, Stopping);
                await stream.WriteAsync(response, Stopping);
                client.Client.Shutdown(SocketShutdown.Both);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client hung up first, or the server is stopping.
            }
        }
    }
}
