using System.Text.Json;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using RolesAnywhere.Credentials.Tool.Tests.Support;

namespace RolesAnywhere.Credentials.Tool.Tests.EndToEnd;

[Collection(EndToEndGroup.Name)]
public sealed class CredentialProcessEndToEndTests : IDisposable
{
    private readonly EmulatorFixture emulator;
    private readonly TempDirectory home = new();

    public CredentialProcessEndToEndTests(EmulatorFixture emulator) => this.emulator = emulator;

    private string CacheDirectory => home.File("cache");

    public void Dispose() => home.Dispose();

    [Fact]
    public async Task AwsCli_ExportCredentialsAndStsCall_UseToolCredentials()
    {
        RealClients.RequireAwsCli();
        var env = WriteConfig();

        var export = await ExternalProcess.RunAsync(RealClients.AwsCli, ["configure", "export-credentials", "--profile", "p", "--format", "process"], env);
        var identity = await ExternalProcess.RunAsync(RealClients.AwsCli, ["sts", "get-caller-identity", "--profile", "p", "--endpoint-url", emulator.Emulator.Endpoint.ToString(), "--output", "json"], env);

        Assert.True(export.ExitCode == 0, export.ToString());
        Assert.True(identity.ExitCode == 0, identity.ToString());
        using var exported = JsonDocument.Parse(export.Stdout);
        Assert.StartsWith("ASIA", exported.RootElement.GetProperty("AccessKeyId").GetString(), StringComparison.Ordinal);
        Assert.True(exported.RootElement.TryGetProperty("Expiration", out _));
        using var caller = JsonDocument.Parse(identity.Stdout);
        Assert.Contains(EmulatorFixture.RoleName, caller.RootElement.GetProperty("Arn").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Botocore_CredentialProcessProfile_StsAcceptsSignature()
    {
        RealClients.RequireBotocore();
        var env = WriteConfig();
        env["TEST_PROFILE"] = "p";

        var (method, arn, _) = await Botocore.GetCallerIdentityAsync(emulator.Emulator.Endpoint, home.Path, env);

        Assert.Equal("custom-process", method);
        Assert.Contains(EmulatorFixture.RoleName, arn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DotNetSdk_ProcessAWSCredentials_StsAcceptsSignature()
    {
        var command = string.Join(' ', new[] { ToolBinary.Path, "credential-process" }.Concat(emulator.SessionFlags()).Select(Quote));
        Environment.SetEnvironmentVariable("ROLESANYWHERE_CACHE_DIR", CacheDirectory);
        try
        {
            using var credentials = new ProcessAWSCredentials(command);
            using var sts = new AmazonSecurityTokenServiceClient(credentials, new AmazonSecurityTokenServiceConfig { ServiceURL = emulator.Emulator.Endpoint.ToString(), AuthenticationRegion = "us-east-1" });

            var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), TestContext.Current.CancellationToken);

            Assert.Contains(EmulatorFixture.RoleName, identity.Arn, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("ROLESANYWHERE_CACHE_DIR", null);
        }
    }

    [Fact]
    public async Task Cache_SecondProcess_MakesNoCreateSession()
    {
        var before = emulator.Emulator.SuccessfulSessionCount;

        var first = await RunToolAsync();
        var second = await RunToolAsync();

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(first.Stdout, second.Stdout);
        Assert.Equal(before + 1, emulator.Emulator.SuccessfulSessionCount);
    }

    [Fact]
    public async Task Cache_ProcessesStartedTogether_OneCreateSession()
    {
        var before = emulator.Emulator.SuccessfulSessionCount;

        var runs = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => RunToolAsync()));

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.ToString()));
        Assert.Single(runs.Select(r => r.Stdout).Distinct());
        Assert.Equal(before + 1, emulator.Emulator.SuccessfulSessionCount);
    }

    [Fact]
    public async Task NoCache_EveryProcess_CallsCreateSession()
    {
        var before = emulator.Emulator.SuccessfulSessionCount;

        await RunToolAsync("--no-cache");
        await RunToolAsync("--no-cache");

        Assert.Equal(before + 2, emulator.Emulator.SuccessfulSessionCount);
        Assert.False(Directory.Exists(CacheDirectory) && Directory.EnumerateFiles(CacheDirectory, "*.json").Any());
    }

    [Fact]
    public async Task UnknownRole_Exit1ServiceMessageOnStderrNothingCached()
    {
        var run = await RunToolAsync("--role-arn", emulator.Emulator.RoleArn("NotInTheProfile"));

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.StartsWith("rolesanywhere: ", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(CacheDirectory) && Directory.EnumerateFiles(CacheDirectory, "*.json").Any());
    }

    private Task<ExternalProcess> RunToolAsync(params string[] extra) =>
        ExternalProcess.RunAsync(ToolBinary.Path, ["credential-process", .. emulator.SessionFlags(extra)], new Dictionary<string, string> { ["ROLESANYWHERE_CACHE_DIR"] = CacheDirectory });

    private Dictionary<string, string> WriteConfig()
    {
        var command = string.Join(' ', new[] { ToolBinary.Path, "credential-process" }.Concat(emulator.SessionFlags()).Select(Quote));
        var config = home.File("config");
        File.WriteAllText(config, $"[profile p]\nregion = us-east-1\ncredential_process = {command}\n");
        return new Dictionary<string, string>
        {
            ["HOME"] = home.Path,
            ["AWS_CONFIG_FILE"] = config,
            ["AWS_SHARED_CREDENTIALS_FILE"] = home.File("credentials"),
            ["ROLESANYWHERE_CACHE_DIR"] = CacheDirectory,
        };
    }

    private static string Quote(string value) => value.Contains(' ', StringComparison.Ordinal) ? $"\"{value}\"" : value;
}
