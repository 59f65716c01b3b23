using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using RolesAnywhere.Credentials.TestSupport;
using RolesAnywhere.Credentials.Tool.Tests.Support;

namespace RolesAnywhere.Credentials.Tool.Tests.EndToEnd;

/// <summary>
/// The built tool, sent real signals: every command stops promptly with 130 (SIGINT) or 143 (SIGTERM); and a FIFO
/// named as certificate is refused at once instead of blocking forever.
/// </summary>
[Collection(EndToEndGroup.Name)]
public sealed class SignalEndToEndTests : IDisposable
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(4);
    private readonly EmulatorFixture emulator;
    private readonly TempDirectory home = new();

    public SignalEndToEndTests(EmulatorFixture emulator) => this.emulator = emulator;

    public void Dispose() => home.Dispose();

    [Theory]
    [InlineData("serve", "TERM", 143)]
    [InlineData("serve", "INT", 130)]
    [InlineData("update", "TERM", 143)]
    [InlineData("credential-process", "TERM", 143)]
    [InlineData("credential-process", "INT", 130)]
    public async Task Command_Signalled_ExitsPromptlyWithSignalCode(string command, string signal, int expected)
    {
        Requirement.That(!OperatingSystem.IsWindows(), "POSIX signals");
        // credential-process waits on a service that accepts and never answers; serve and update run until stopped.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start(backlog: 16);
        var endpoint = "http://127.0.0.1:" + ((IPEndPoint)silent.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string[] args = command switch
        {
            "serve" => ["serve", "--port", "0", .. emulator.SessionFlags()],
            "update" => ["update", .. emulator.SessionFlags()],
            _ => ["credential-process", "--no-cache", .. WithEndpoint(endpoint)],
        };
        var credentialsFile = home.File("credentials");
        using var process = Start(args, new Dictionary<string, string> { ["AWS_SHARED_CREDENTIALS_FILE"] = credentialsFile });
        await WaitUntilBusyAsync(process, command, silent, credentialsFile);

        var sent = Stopwatch.StartNew();
        Signal(process, signal);
        var exited = process.WaitForExit(10_000);
        var elapsed = sent.Elapsed;
        if (!exited)
        {
            process.Kill(entireProcessTree: true);
        }

        Assert.True(exited, $"{command} ignored SIG{signal}");
        Assert.True(elapsed < Prompt, $"{command} took {elapsed} to stop after SIG{signal}");
        Assert.Equal(expected, process.ExitCode);
    }

    [Fact]
    public async Task CredentialProcess_FifoAsCertificate_RefusedAtOnceNamingTheFile()
    {
        Requirement.That(OperatingSystem.IsLinux(), "FIFOs are told apart through Linux statx(2)");
        var fifo = home.File("client.pem");
        Run("mkfifo", fifo);
        var flags = emulator.SessionFlags();
        flags[Array.IndexOf(flags, "--certificate") + 1] = fifo;

        var run = await ExternalProcess.RunAsync(ToolBinary.Path, ["credential-process", "--no-cache", .. flags], new Dictionary<string, string>(), TimeSpan.FromSeconds(20));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(fifo, run.Stderr, StringComparison.Ordinal);
        Assert.Contains("FIFO", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--certificate", run.Stderr, StringComparison.Ordinal);
    }

    private string[] WithEndpoint(string endpoint)
    {
        var flags = emulator.SessionFlags();
        flags[Array.IndexOf(flags, "--endpoint") + 1] = endpoint;
        return flags;
    }

    private static Process Start(string[] args, IReadOnlyDictionary<string, string> environment)
    {
        var process = Process.Start(ExternalProcess.StartInfo(ToolBinary.Path, args, environment))!;
        process.StandardInput.Close();
        _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        return process;
    }

    /// <summary>Waits until the command is doing its long work: serving, keeping the file fresh, or waiting on the service.</summary>
    private static async Task WaitUntilBusyAsync(Process process, string command, TcpListener silent, string credentialsFile)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(60));
        if (command == "credential-process")
        {
            using var accepted = await silent.AcceptTcpClientAsync(limit.Token);
            _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
            return;
        }

        var expected = command == "serve" ? "serving IMDSv2" : null;
        if (expected is null)
        {
            // update: busy once it has written the file the first time.
            _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
            while (!File.Exists(credentialsFile))
            {
                await Task.Delay(50, limit.Token);
            }

            return;
        }

        while (await process.StandardError.ReadLineAsync(limit.Token) is { } line)
        {
            if (line.Contains(expected, StringComparison.Ordinal))
            {
                _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
                return;
            }
        }

        throw new InvalidOperationException($"{command} exited before it was busy (exit {process.ExitCode})");
    }

    private static void Signal(Process process, string signal) => Run("kill", "-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static void Run(string command, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(command, args) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
