using System.Net;
using RolesAnywhere.Credentials.TestSupport;
using RolesAnywhere.Credentials.Tool.Tests.Support;

namespace RolesAnywhere.Credentials.Tool.Tests.Commands;

public sealed class UpdateCommandTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task Once_WritesProfileAndExits()
    {
        var path = directory.File("credentials");
        await File.WriteAllTextAsync(path, "# mine\n[default]\naws_access_key_id = KEEP\n", TestContext.Current.CancellationToken);
        var source = new ScriptedCredentialSource(TimeProvider.System);

        var run = await ToolRun.RunAsync(ToolRun.SessionArgs("update", "--profile", "ra", "--once"), _ => source, sharedCredentialsPath: path);

        Assert.Equal(0, run.ExitCode);
        var text = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        Assert.StartsWith("# mine\n[default]\naws_access_key_id = KEEP\n\n[ra]\naws_access_key_id = ASIATEST000000000001\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_ServiceKeepsFailing_RetriesWithBackoffThenExit1()
    {
        var time = new TimerClock();
        var source = new ScriptedCredentialSource(time) { FailWith = new RolesAnywhereServiceException("throttled", HttpStatusCode.TooManyRequests, "ThrottlingException", null) };
        var path = directory.File("credentials");

        var run = ToolRun.RunAsync(ToolRun.SessionArgs("update", "--once"), _ => source, sharedCredentialsPath: path, time: time);
        while (!run.IsCompleted)
        {
            await time.AdvanceToNextTimerAsync(done: run);
        }

        Assert.Equal(1, (await run).ExitCode);
        Assert.Equal(4, source.Calls);
        Assert.Contains("throttled", (await run).Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Continuous_RefreshesBeforeExpiryUntilStopped()
    {
        var time = new TimerClock();
        var source = new ScriptedCredentialSource(time);
        var path = directory.File("credentials");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var run = ToolRun.RunAsync(ToolRun.SessionArgs("update", "--profile", "ra"), _ => source, sharedCredentialsPath: path, time: time, stop: stop.Token);
        await Eventually.HoldsAsync(() => File.Exists(path) && File.ReadAllText(path).Contains("ASIATEST000000000001", StringComparison.Ordinal), "the first session written");

        // The command now waits for the next refresh: the second session comes 45 minutes in (15 before expiry).
        var elapsed = await time.AdvanceToNextTimerAsync();
        await Eventually.HoldsAsync(() => File.ReadAllText(path).Contains("ASIATEST000000000002", StringComparison.Ordinal), "the second session written");

        Assert.InRange(elapsed, TimeSpan.FromMinutes(44.5), TimeSpan.FromMinutes(46.5));
        Assert.Equal(2, source.Calls);
        await stop.CancelAsync();

        Assert.Equal(0, (await run).ExitCode);
    }
}
