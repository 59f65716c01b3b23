using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace RolesAnywhere.Credentials.Tests.Credentials;

/// <summary>
/// 64 callers at start on a 2-core machine (half synchronous on thread-pool threads, half asynchronous) against a
/// healthy service on loopback: no attempt times out waiting for a thread (HttpTimeout 2 s) and one CreateSession serves
/// everyone. How soon the first credentials come is reported, not asserted: the AWS SDK's sealed <c>GetCredentials()</c>
/// blocks the synchronous callers' pool threads, and SocketsHttpHandler opens connections on the pool, so the first
/// connection waits for the pool to grow (seconds on two cores); see docs/reliability.md. The callers run in a child process (<c>coldstart-probe</c>) so that their thread
/// pool is the one under load, while the emulator answers from this process as a remote service would.
/// </summary>
[Collection(nameof(ThreadPoolSensitive))]
public sealed partial class ColdStartTests(ITestOutputHelper output)
{
    private const int Callers = 64;
    private const double HttpTimeoutSeconds = 2;

    [Fact]
    public async Task GetCredentials_SixtyFourCallersAtStartOnTwoCores_OneAttemptNoTimeoutPromptly()
    {
        await using var world = await EmulatorWorld.StartAsync(TimeProvider.System);
        var options = world.IssueOptions();
        var start = new ProcessStartInfo(ProbePath())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { world.Emulator.Endpoint.ToString(), world.TrustAnchorArn, world.ProfileArn, world.RoleArn, options.CertificatePath!, options.PrivateKeyPath!, Callers.ToString(CultureInfo.InvariantCulture), HttpTimeoutSeconds.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        // The machine of the report: two cores, whatever this one has.
        start.Environment["DOTNET_PROCESSOR_COUNT"] = "2";
        using var probe = Process.Start(start)!;
        var stdout = probe.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = probe.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await probe.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!probe.HasExited)
            {
                probe.Kill();
            }
        }

        var line = (await stdout).Trim();
        output.WriteLine(line + (await stderr));
        Assert.Equal(0, probe.ExitCode);
        var result = ResultLine().Match(line);
        Assert.True(result.Success, line);
        var first = int.Parse(result.Groups["first"].Value, CultureInfo.InvariantCulture);
        Assert.Equal("0", result.Groups["failed"].Value);
        Assert.Equal("1", result.Groups["succeeded"].Value);
        Assert.InRange(first, 1, int.MaxValue);
    }

    /// <summary>The probe's own output folder: tests/RolesAnywhere.Credentials.ColdStartProbe/bin/{configuration}/{framework}/.</summary>
    private static string ProbePath()
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = framework.Parent!;
        var tests = configuration.Parent!.Parent!.Parent!;
        return Path.Combine(tests.FullName, "RolesAnywhere.Credentials.ColdStartProbe", "bin", configuration.Name, framework.Name, OperatingSystem.IsWindows() ? "coldstart-probe.exe" : "coldstart-probe");
    }

    [GeneratedRegex(@"^first=(?<first>\d+) all=(?<all>\d+) failedAttempts=(?<failed>\d+) succeededAttempts=(?<succeeded>\d+)")]
    private static partial Regex ResultLine();
}
