using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RolesAnywhere.Credentials.Audit.Tests.Support;

/// <summary>
/// A loopback S3 endpoint whose ListObjectsV2 always answers "truncated, continue with token <c>again</c>" and one
/// object, and serves that object: a listing that would never end if the client trusted it.
/// </summary>
internal sealed class RepeatingS3Server : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly string _object;
    private int _listings;

    private RepeatingS3Server(string objectJson)
    {
        _object = objectJson;
        var port = FreePort();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Endpoint { get; }

    public int Listings => Volatile.Read(ref _listings);

    public static RepeatingS3Server Start(string objectJson) => new(objectJson);

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var isListing = context.Request.QueryString["list-type"] == "2";
            string body;
            if (isListing)
            {
                Interlocked.Increment(ref _listings);
                body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">" +
                       "<Name>trail-bucket</Name><Prefix></Prefix><KeyCount>1</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>true</IsTruncated>" +
                       "<NextContinuationToken>again</NextContinuationToken>" +
                       $"<Contents><Key>log-{Listings}.json</Key><LastModified>2026-11-20T00:00:00.000Z</LastModified><ETag>\"x\"</ETag><Size>{Encoding.UTF8.GetByteCount(_object)}</Size><StorageClass>STANDARD</StorageClass></Contents>" +
                       "</ListBucketResult>";
                context.Response.ContentType = "application/xml";
            }
            else
            {
                body = _object;
                context.Response.ContentType = "application/json";
            }

            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
