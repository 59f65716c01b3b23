using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RolesAnywhere.Credentials.TestSupport;

/// <summary>
/// A misbehaving CreateSession endpoint on 127.0.0.1 for the tests of what the client does with answers the emulator
/// never gives (credentials already expired, an expiry in the year 9999, a 50 MB body): real HTTP/1.1 over loopback,
/// one connection per request, the request read whole, then the canned answer for that request's number (1 first).
/// Signatures are not checked: the emulator's tests do that.
/// </summary>
internal sealed class CannedService : LoopbackTcpServer
{
    private readonly Func<int, CannedAnswer> answer;
    private int requests;

    private CannedService(Func<int, CannedAnswer> answer)
    {
        this.answer = answer;
        Start();
    }

    /// <summary>Gets the number of requests received so far.</summary>
    public int Requests => Volatile.Read(ref requests);

    public static CannedService Serve(Func<int, CannedAnswer> answer) => new(answer);

    /// <summary>The 201 body the service sends, with credentials valid until <paramref name="expiration"/>.</summary>
    public static CannedAnswer Session(DateTimeOffset expiration, int number = 1) => new(
        201,
        Encoding.UTF8.GetBytes(string.Create(
            CultureInfo.InvariantCulture,
            $$"""{"credentialSet":[{"assumedRoleUser":{"arn":"arn:aws:sts::111122223333:assumed-role/app/canned","assumedRoleId":"AROACANNED:canned"},"credentials":{"accessKeyId":"ASIACANNED{{number:D10}}","secretAccessKey":"canned-secret-{{number}}","sessionToken":"canned-token-{{number}}","expiration":"{{expiration.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}"},"packedPolicySize":0,"roleArn":"arn:aws:iam::111122223333:role/app","sourceIdentity":"canned"}],"subjectArn":"arn:aws:rolesanywhere:eu-west-1:111122223333:subject/canned"}""")),
        0);

    /// <summary>A 201 answer of <paramref name="bytes"/> bytes of JSON-ish filler.</summary>
    public static CannedAnswer Huge(long bytes) => new(201, [], bytes);

    protected override async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                await ReadRequestAsync(stream);
                var canned = answer(Interlocked.Increment(ref requests));
                var length = canned.Body.Length + canned.FillerBytes;
                var head = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"HTTP/1.1 {canned.Status} Canned\r\nContent-Type: application/json\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n"));
                await stream.WriteAsync(head, Stopping);
                await stream.WriteAsync(canned.Body, Stopping);
                var filler = new byte[64 * 1024];
                Array.Fill(filler, (byte)' ');
                for (var left = canned.FillerBytes; left > 0; left -= filler.Length)
                {
                    await stream.WriteAsync(filler.AsMemory(0, (int)Math.Min(filler.Length, left)), Stopping);
                }
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client hung up (as it must on a huge answer), or the service is stopping.
            }
        }
    }

    private async Task ReadRequestAsync(NetworkStream stream)
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        int headEnd;
        while ((headEnd = IndexOfHeadEnd(received)) < 0)
        {
            var read = await stream.ReadAsync(buffer, Stopping);
            if (read == 0)
            {
                throw new IOException("request cut short");
            }

            received.AddRange(buffer.AsSpan(0, read));
        }

        var head = Encoding.ASCII.GetString(received.ToArray(), 0, headEnd);
        var contentLength = head.Split("\r\n")
            .Where(line => line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(line => int.Parse(line["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture))
            .FirstOrDefault();
        for (var have = received.Count - headEnd - 4; have < contentLength;)
        {
            var read = await stream.ReadAsync(buffer, Stopping);
            if (read == 0)
            {
                throw new IOException("request body cut short");
            }

            have += read;
        }
    }

    private static int IndexOfHeadEnd(List<byte> bytes)
    {
        for (var i = 3; i < bytes.Count; i++)
        {
            if (bytes[i - 3] == '\r' && bytes[i - 2] == '\n' && bytes[i - 1] == '\r' && bytes[i] == '\n')
            {
                return i - 3;
            }
        }

        return -1;
    }
}

/// <summary>What <see cref="CannedService"/> answers: a status, a body, and that many filler bytes after it.</summary>
internal sealed record CannedAnswer(int Status, byte[] Body, long FillerBytes);
