using System.Net;
using Microsoft.Extensions.Time.Testing;
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
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var source = new ScriptedCredentialSource(time) { FailWith = new RolesAnywhereServiceException("throttled", HttpStatusCode.TooManyRequests, "ThrottlingException", null) };
        var path = directory.File("credentials");

        var run = ToolRun.RunAsync(ToolRun.SessionArgs("update", "--once"), _ => source, sharedCredentialsPath: path, time: time);
        while (!run.IsCompleted)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(1, (await run).ExitCode);
        Assert.Equal(4, source.Calls);
        Assert.Contains("throttled", (await run).Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Continuous_RefreshesBeforeExpiryUntilStopped()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var source = new ScriptedCredentialSource(time);
        var path = directory.File("credentials");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var run = ToolRun.RunAsync(ToolRun.SessionArgs("update", "--profile", "ra"), _ => source, sharedCredentialsPath: path, time: time, stop: stop.Token);
        await WaitUntil(() => File.Exists(path) && File.ReadAllText(path).Contains("ASIATEST000000000001", StringComparison.Ordinal));

        // Step the clock in 15-second steps: the second session comes 45 minutes in (15 before expiry).
        var elapsed = TimeSpan.Zero;
        while (!File.ReadAllText(path).Contains("ASIATEST000000000002", StringComparison.Ordinal))
        {
            Assert.True(elapsed < TimeSpan.FromMinutes(50), "no refresh within 50 simulated minutes");
            time.Advance(TimeSpan.FromSeconds(15));
            elapsed += TimeSpan.FromSeconds(15);
            await Task.Delay(15, TestContext.Current.CancellationToken);
        }

        Assert.InRange(elapsed, TimeSpan.FromMinutes(44.5), TimeSpan.FromMinutes(46.5));
        Assert.Equal(2, source.Calls);
        await stop.CancelAsync();

        Assert.Equal(0, (await run).ExitCode);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached in 20 s");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }
}
