using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RolesAnywhere.Credentials.TestSupport;

/// <summary>
/// A plain-HTTP forward proxy on 127.0.0.1 for the proxy tests: it records the request line of every
/// connection a client opens through it (absolute-form, <c>POST http://host:port/sessions HTTP/1.1</c>),
/// connects to the host the request names, and relays bytes both ways unchanged (Kestrel, behind it,
/// accepts absolute-form request targets). Only for http:// targets on loopback.
/// </summary>
internal sealed class RecordingProxy : LoopbackTcpServer
{
    private RecordingProxy()
    {
        Start();
    }

    /// <summary>Gets the proxy's address (<see cref="LoopbackTcpServer.Endpoint"/>).</summary>
    public Uri Address => Endpoint;

    /// <summary>Gets the first request line of each connection made through the proxy.</summary>
    public ConcurrentQueue<string> RequestLines { get; } = new();

    public static RecordingProxy Listen() => new();

    protected override async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var downstream = client.GetStream();
                var head = await ReadRequestLineAsync(downstream);
                RequestLines.Enqueue(head.Line);
                var target = new Uri(head.Line.Split(' ')[1]);
                using var server = new TcpClient();
                await server.ConnectAsync(target.Host, target.Port, Stopping);
                var upstream = server.GetStream();
                await upstream.WriteAsync(head.Bytes, Stopping);
                await Task.WhenAny(downstream.CopyToAsync(upstream, Stopping), upstream.CopyToAsync(downstream, Stopping));
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or UriFormatException or IndexOutOfRangeException)
            {
                // A client that goes away, or a request this proxy does not speak: the connection just closes.
            }
        }
    }

    private async Task<(string Line, byte[] Bytes)> ReadRequestLineAsync(NetworkStream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (bytes.Count < 8192 && await stream.ReadAsync(one, Stopping) == 1)
        {
            bytes.Add(one[0]);
            if (one[0] == (byte)'\n')
            {
                break;
            }
        }

        return (Encoding.ASCII.GetString([.. bytes]).TrimEnd('\r', '\n'), [.. bytes]);
    }
}
