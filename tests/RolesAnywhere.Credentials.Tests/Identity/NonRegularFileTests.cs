using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using RolesAnywhere.Credentials.Identity;

namespace RolesAnywhere.Credentials.Tests.Identity;

/// <summary>
/// A FIFO, device or socket named as certificate, key or intermediates is refused at once, naming the file:
/// opening a FIFO blocks until a writer comes, and /dev/zero never ends.
/// </summary>
public sealed class NonRegularFileTests(KeyMaterialFixture keys) : IClassFixture<KeyMaterialFixture>
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData("certificate")]
    [InlineData("key")]
    [InlineData("intermediates")]
    public async Task Load_Fifo_RefusedAtOnceNamingTheFile(string which)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "FIFOs are told apart through Linux statx(2)");
        var fifo = Path.Combine(keys.Directory, "fifo-" + which);
        Mkfifo(fifo);

        var message = await RefusedPromptlyAsync(Options(which, fifo));

        Assert.Contains(fifo, message, StringComparison.Ordinal);
        Assert.Contains("FIFO", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_CharacterDeviceAsKey_RefusedAtOnce()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "devices are told apart through Linux statx(2)");

        var message = await RefusedPromptlyAsync(Options("key", "/dev/zero"));

        Assert.Contains("'/dev/zero' (PrivateKeyPath) is a character device", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_SocketAsCertificate_RefusedAtOnce()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "sockets are told apart through Linux statx(2)");
        var path = Path.Combine(keys.Directory, "socket.pem");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));

        var message = await RefusedPromptlyAsync(Options("certificate", path));

        Assert.Contains("is a socket", message, StringComparison.Ordinal);
    }

    private RolesAnywhereOptions Options(string which, string path)
    {
        var certificate = keys.Write("nonregular-leaf.pem", keys.P256Leaf.ExportCertificatePem());
        var key = keys.Write("nonregular-leaf.key", keys.P256.ExportPkcs8PrivateKeyPem());
        return which switch
        {
            "certificate" => new RolesAnywhereOptions { CertificatePath = path, PrivateKeyPath = key },
            "key" => new RolesAnywhereOptions { CertificatePath = certificate, PrivateKeyPath = path },
            _ => new RolesAnywhereOptions { CertificatePath = certificate, PrivateKeyPath = key, IntermediatesPath = path },
        };
    }

    private async Task<string> RefusedPromptlyAsync(RolesAnywhereOptions options)
    {
        // On a thread of its own: before the fix the load blocks in open(2) and must not take the test run with it.
        var load = Task.Factory.StartNew(() => SigningIdentityLoader.Load(options, new FakeTimeProvider(keys.Now)), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var started = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<RolesAnywhereConfigurationException>(() => load.WaitAsync(Prompt, TestContext.Current.CancellationToken));
        Assert.True(started.Elapsed < Prompt, $"took {started.Elapsed}");
        Assert.Contains("not a regular file", ex.Message, StringComparison.Ordinal);
        return ex.Message;
    }

    private static void Mkfifo(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
