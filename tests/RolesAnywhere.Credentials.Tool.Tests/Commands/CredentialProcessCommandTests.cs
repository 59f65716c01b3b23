using System.Net;
using System.Text.Json;
using RolesAnywhere.Credentials.Tool.Tests.Support;

namespace RolesAnywhere.Credentials.Tool.Tests.Commands;

public sealed class CredentialProcessCommandTests : IDisposable
{
    private readonly TempDirectory cache = new();

    public void Dispose() => cache.Dispose();

    [Fact]
    public async Task Run_Default_Version1JsonThenCacheHit()
    {
        var source = new ScriptedCredentialSource(TimeProvider.System);

        var first = await ToolRun.RunAsync(ToolRun.SessionArgs("credential-process"), _ => source, cacheDirectory: cache.Path);
        var second = await ToolRun.RunAsync(ToolRun.SessionArgs("credential-process"), _ => source, cacheDirectory: cache.Path);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(1, source.Calls);
        Assert.Equal(first.StdoutText, second.StdoutText);
        using var json = JsonDocument.Parse(first.StdoutText);
        Assert.Equal(["Version", "AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, json.RootElement.GetProperty("Version").GetInt32());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", json.RootElement.GetProperty("Expiration").GetString());
    }

    [Fact]
    public async Task Run_NoCache_FetchesEveryTimeAndWritesNothing()
    {
        var source = new ScriptedCredentialSource(TimeProvider.System);

        await ToolRun.RunAsync(ToolRun.SessionArgs("credential-process", "--no-cache"), _ => source, cacheDirectory: cache.Path);
        await ToolRun.RunAsync(ToolRun.SessionArgs("credential-process", "--no-cache"), _ => source, cacheDirectory: cache.Path);

        Assert.Equal(2, source.Calls);
        Assert.Empty(Directory.GetFiles(cache.Path));
    }

    [Fact]
    public async Task Run_ServiceRefuses_Exit1MessageOnStderrNothingOnStdout()
    {
        var source = new ScriptedCredentialSource(TimeProvider.System)
        {
            FailWith = new RolesAnywhereServiceException("Untrusted signing certificate: check the trust anchor.", HttpStatusCode.Forbidden, "AccessDeniedException", null),
        };

        var run = await ToolRun.RunAsync(ToolRun.SessionArgs("credential-process"), _ => source, cacheDirectory: cache.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Contains("Untrusted signing certificate", run.Stderr, StringComparison.Ordinal);
    }
}
