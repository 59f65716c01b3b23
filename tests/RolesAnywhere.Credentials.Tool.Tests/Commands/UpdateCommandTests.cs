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

        // The command now waits for the next refresh: the second session comes 42 to 45 minutes in (15 minutes before
        // expiry, up to 20 % earlier at random: RefreshSchedule.ForCredentialServers), never later.
        var elapsed = await time.AdvanceToNextTimerAsync();
        await Eventually.HoldsAsync(() => File.ReadAllText(path).Contains("ASIATEST000000000002", StringComparison.Ordinal), "the second session written");

        Assert.InRange(elapsed, TimeSpan.FromMinutes(41.5), TimeSpan.FromMinutes(45.5));
        Assert.Equal(2, source.Calls);
        await stop.CancelAsync();

        Assert.Equal(0, (await run).ExitCode);
    }

    [Fact]
    public async Task Once_IssueFile_SectionCommentAndColon_KeysReplacedNoSecondSection()
    {
        // Issue 11 item 6: both lines parse in botocore; update used to append a second [default] (then botocore refused the file).
        var path = directory.File("credentials");
        await File.WriteAllTextAsync(path, "[default] # main account\naws_access_key_id: OLD\naws_secret_access_key: OLDSECRET\n\n[prod]\naws_access_key_id = AKIAPROD\n", TestContext.Current.CancellationToken);
        var source = new ScriptedCredentialSource(TimeProvider.System);

        var run = await ToolRun.RunAsync(ToolRun.SessionArgs("update", "--once"), _ => source, sharedCredentialsPath: path);

        Assert.Equal(0, run.ExitCode);
        var text = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, @"\[default\]"));
        var read = Assert.Single(await Update.BotocoreConfigParser.ParseAsync([path], directory.Path));
        Assert.True(read.Profiles is not null, read.Error);
        Assert.Equal("ASIATEST000000000001", read.Profiles["default"]["aws_access_key_id"]);
        Assert.Equal("AKIAPROD", read.Profiles["prod"]["aws_access_key_id"]);
    }

    [Fact]
    public async Task Once_FileBotocoreRefuses_Exit1FileUntouchedLineNamedNotRetried()
    {
        var path = directory.File("credentials");
        const string Broken = "[default]\naws_access_key_id = KEEP\nsomething pasted here\n";
        await File.WriteAllTextAsync(path, Broken, TestContext.Current.CancellationToken);
        var source = new ScriptedCredentialSource(TimeProvider.System);

        var run = await ToolRun.RunAsync(ToolRun.SessionArgs("update", "--once"), _ => source, sharedCredentialsPath: path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("left unchanged", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("line 3", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("pasted", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, source.Calls);
        Assert.Equal(Broken, await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Continuous_FileBotocoreRefuses_StopsWithExit1()
    {
        var path = directory.File("credentials");
        await File.WriteAllTextAsync(path, "[default]\nx = 1\n[default]\n", TestContext.Current.CancellationToken);
        var source = new ScriptedCredentialSource(TimeProvider.System);

        var run = await ToolRun.RunAsync(ToolRun.SessionArgs("update"), _ => source, sharedCredentialsPath: path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("appears a second time", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProfileNamedDEFAULT_UsageError()
    {
        var path = directory.File("credentials");
        var source = new ScriptedCredentialSource(TimeProvider.System);

        var run = await ToolRun.RunAsync(ToolRun.SessionArgs("update", "--profile", "DEFAULT", "--once"), _ => source, sharedCredentialsPath: path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("every profile", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }
}
