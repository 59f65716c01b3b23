using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using RolesAnywhere.Credentials.Renewal;
using RolesAnywhere.Credentials.TestSupport;

namespace RolesAnywhere.Credentials.Tests.Renewal;

/// <summary>
/// Issuers that would hold the renewal or its memory: a server at the CFSSL URL answering far more than a certificate
/// (announced, or never ending), and a CA command that leaves a background child holding its output open.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BoundedIssuerTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CfsslIssueAsync_AnswerBeyondOneMebibyte_IssuanceErrorAndNotReadWhole(bool announced)
    {
        using var world = RenewalWorld.Due();
        await using var server = HugeAnswerServer.Start(announced);
        using var issuer = new CfsslCertificateIssuer(server.Endpoint);
        var pair = world.Snapshot();

        var ex = await Assert.ThrowsAsync<CertificateRenewalException>(() => new CertificateRenewer(world.Options(issuer)).RenewIfDueAsync(TestContext.Current.CancellationToken));

        Assert.Equal(CertificateRenewalStage.Issuance, ex.Stage);
        Assert.Contains("answered more than 1 MiB (" + (announced ? "300000000 bytes announced" : "the answer did not end") + "), and was not read further", ex.Message, StringComparison.Ordinal);
        world.AssertUnchanged(pair);

        // The server writes until the client stops reading: far less than the 300 MB it offers went out (socket buffers aside).
        Assert.InRange(server.BytesSent, 0, 64L << 20);
    }

    [Fact]
    public async Task CommandIssueAsync_BackgroundChildHoldsTheOutput_RenewedWhenTheCommandExits()
    {
        RenewalWorld.RequireOpenSsl();
        using var world = RenewalWorld.Due();
        var pidFile = Path.Combine(world.Folder, "child.pid");
        var openssl = $"openssl x509 -req -CA '{world.Ca.CertificatePath}' -CAkey '{world.Ca.KeyPath}' -days 30 -copy_extensions copy";
        var issuer = CommandCertificateIssuer.Shell($"{openssl}; sleep 600 & echo $! > '{pidFile}'");
        issuer.Timeout = TimeSpan.FromSeconds(60); // the child sleeps ten minutes: only the command's exit can end the issuance in time
        try
        {
            var result = await new CertificateRenewer(world.Options(issuer)).RenewIfDueAsync(TestContext.Current.CancellationToken);

            Assert.Equal(CertificateRenewalOutcome.Renewed, result.Outcome);
            Assert.True(IsRunning(pidFile), "the background child should still hold the pipe");
        }
        finally
        {
            if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid))
            {
                try
                {
                    using var child = Process.GetProcessById(pid);
                    child.Kill(); // the sleep this test started
                }
                catch (ArgumentException)
                {
                    // Gone already.
                }
            }
        }
    }

    private static bool IsRunning(string pidFile)
    {
        try
        {
            using var child = Process.GetProcessById(int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture));
            return !child.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>An HTTP peer at the CFSSL URL whose answer is 300 MB of a certificate that never closes.</summary>
    private sealed class HugeAnswerServer : LoopbackTcpServer
    {
        private readonly bool _announced;
        private long _sent;

        private HugeAnswerServer(bool announced) => _announced = announced;

        public long BytesSent => Interlocked.Read(ref _sent);

        public static HugeAnswerServer Start(bool announced)
        {
            var server = new HugeAnswerServer(announced);
            server.Start();
            return server;
        }

        protected override async Task ServeAsync(TcpClient client)
        {
            using (client)
            {
                try
                {
                    var stream = client.GetStream();
                    var request = new byte[64 * 1024];
                    _ = await stream.ReadAsync(request, Stopping);
                    var head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n" + (_announced ? "Content-Length: 300000000\r\n" : string.Empty) + "\r\n";
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(head + "{\"success\":true,\"result\":{\"certificate\":\""), Stopping);
                    var chunk = Encoding.ASCII.GetBytes(new string('A', 64 * 1024));
                    while (Interlocked.Read(ref _sent) < 300_000_000)
                    {
                        await stream.WriteAsync(chunk, Stopping);
                        Interlocked.Add(ref _sent, chunk.Length);
                    }
                }
                catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
                {
                    // The client stopped reading and closed the connection.
                }
            }
        }
    }
}
