using System.Diagnostics;
using RolesAnywhere.Credentials.TestSupport;

namespace RolesAnywhere.Credentials.Testing.Tests;

/// <summary>
/// The emulator installs no process-wide signal handling: a process holding a running emulator still ends at
/// once on SIGTERM (<c>kill</c>, <c>timeout</c>, <c>docker stop</c>). The child is this test executable running
/// one explicit test that starts an emulator and waits.
/// </summary>
public sealed class EmulatorSignalTests
{
    private const string ReadyFileVariable = "ROLESANYWHERE_EMULATOR_CHILD_READY";
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task ProcessHoldingEmulator_Sigterm_ExitsPromptly()
    {
        Requirement.That(!OperatingSystem.IsWindows(), "POSIX signals");
        var ready = Path.Combine(Path.GetTempPath(), "ra-emulator-child-" + Guid.NewGuid().ToString("N"));
        using var child = StartChild(ready);
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            limit.CancelAfter(TimeSpan.FromSeconds(60));
            while (!File.Exists(ready))
            {
                Assert.False(child.HasExited, "the child exited before its emulator was running");
                await Task.Delay(50, limit.Token);
            }

            var sent = Stopwatch.StartNew();
            using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!)
            {
                await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
            }

            var exited = child.WaitForExit(10_000);

            Assert.True(exited, "a process holding an emulator ignored SIGTERM");
            Assert.True(sent.Elapsed < Prompt, $"it took {sent.Elapsed} to end");
        }
        finally
        {
            if (!child.HasExited)
            {
                child.Kill(entireProcessTree: true);
            }

            File.Delete(ready);
        }
    }

    /// <summary>The child's part: runs only when asked for explicitly, by <see cref="ProcessHoldingEmulator_Sigterm_ExitsPromptly"/>.</summary>
    [Fact(Explicit = true)]
    public async Task ChildProcess_HoldsAnEmulator()
    {
        var ready = Environment.GetEnvironmentVariable(ReadyFileVariable) ?? throw new InvalidOperationException($"run by {nameof(ProcessHoldingEmulator_Sigterm_ExitsPromptly)} only");
        await using var emulator = await RolesAnywhereEmulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(ready, emulator.Endpoint.ToString(), TestContext.Current.CancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
    }

    private static Process StartChild(string ready)
    {
        var host = Environment.ProcessPath!;
        var testAssembly = typeof(EmulatorSignalTests).Assembly.Location;
        List<string> args = Path.GetFileNameWithoutExtension(host) == "dotnet" ? [testAssembly] : [];
        args.AddRange(["-method", $"{typeof(EmulatorSignalTests).FullName}.{nameof(ChildProcess_HoldsAnEmulator)}", "-explicit", "only", "-noLogo"]);
        var info = new ProcessStartInfo(host, args) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment[ReadyFileVariable] = ready;
        var child = Process.Start(info)!;
        _ = child.StandardOutput.ReadToEndAsync(CancellationToken.None);
        _ = child.StandardError.ReadToEndAsync(CancellationToken.None);
        return child;
    }
}
