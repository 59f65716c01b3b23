using RolesAnywhere.Credentials.Tool.Cli;
using RolesAnywhere.Credentials.Tool.Tests.Support;

namespace RolesAnywhere.Credentials.Tool.Tests.Cli;

public sealed class ToolCommandLineTests
{
    [Fact]
    public void Parse_SpaceAndEqualsForms_BothRead()
    {
        var parsed = ToolCommandLine.ParseCommand(["credential-process", "--region", "eu-west-1", "--role-arn=arn:aws:iam::1:role/r", "-debug"]);

        Assert.Equal("credential-process", parsed.Command.Name);
        Assert.Equal("eu-west-1", parsed.Get(Flags.Region));
        Assert.Equal("arn:aws:iam::1:role/r", parsed.Get(Flags.RoleArn));
        Assert.True(parsed.IsSet(Flags.Debug));
    }

    [Fact]
    public void Parse_RepeatedFlag_LastWins()
    {
        var parsed = ToolCommandLine.ParseCommand(["credential-process", "--region", "a", "--region", "b"]);

        Assert.Equal("b", parsed.Get(Flags.Region));
    }

    [Fact]
    public void Parse_SwitchSetToFalse_IsNotSet()
    {
        var parsed = ToolCommandLine.ParseCommand(["credential-process", "--no-verify-ssl=false"]);

        Assert.False(parsed.IsSet(Flags.NoVerifySsl));
    }

    [Theory]
    [InlineData(new[] { "nope" }, "Unknown command 'nope'")]
    [InlineData(new[] { "credential-process", "--port", "1" }, "Unknown flag --port for 'credential-process'")]
    [InlineData(new[] { "serve", "--once" }, "Unknown flag --once for 'serve'")]
    [InlineData(new[] { "credential-process", "--region" }, "--region needs a value")]
    [InlineData(new[] { "credential-process", "stray" }, "Unexpected argument 'stray'")]
    [InlineData(new[] { "credential-process", "--debug=maybe" }, "--debug is a switch")]
    public void Parse_BadCommandLine_UsageErrorNamesTheProblem(string[] args, string expected)
    {
        var error = Assert.Throws<UsageException>(() => ToolCommandLine.ParseCommand(args));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.NotEmpty(error.Hint);
    }

    [Fact]
    public void SessionArguments_NothingGiven_ReportsEveryMissingFlagAtOnce()
    {
        var error = Assert.Throws<UsageException>(() => SessionArguments.From(ToolCommandLine.ParseCommand(["credential-process"])));

        Assert.Contains("--trust-anchor-arn is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("--profile-arn is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("--role-arn is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("--certificate", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--certificate", "c.pem", "--cert-selector", "Key=x509Subject,Value=CN=a")]
    [InlineData("--certificate", "c.pem", "--system-store-name", "MY")]
    [InlineData("--private-key", "k.pem", "--cert-selector", "Key=x509Subject,Value=CN=a")]
    [InlineData("--private-key", "k.pem", "--system-store-name", "MY")]
    [InlineData("--private-key", "k.pem", "--use-latest-expiring-certificate", null)]
    [InlineData("--intermediates", "i.pem", "--cert-selector", "Key=x509Subject,Value=CN=a")]
    [InlineData("--intermediates", "i.pem", "--use-latest-expiring-certificate", null)]
    public void SessionArguments_RefusedCombination_NamesBothFlags(string first, string firstValue, string second, string? secondValue)
    {
        string[] args =
        [
            "credential-process", "--trust-anchor-arn", "arn:aws:rolesanywhere:us-east-1:1:trust-anchor/t",
            "--profile-arn", "arn:aws:rolesanywhere:us-east-1:1:profile/p", "--role-arn", "arn:aws:iam::1:role/r",
            "--cert-selector", "Key=x509Serial,Value=01", first, firstValue, .. secondValue is null ? new[] { second } : [second, secondValue],
        ];

        var error = Assert.Throws<UsageException>(() => SessionArguments.From(ToolCommandLine.ParseCommand(args)));

        Assert.Contains($"{first} cannot be combined with {second}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("899")]
    [InlineData("43201")]
    [InlineData("an hour")]
    public void SessionArguments_DurationOutOfRange_Refused(string duration)
    {
        var error = Assert.Throws<UsageException>(() => SessionArguments.From(ToolCommandLine.ParseCommand(ToolRun.SessionArgs("credential-process", "--session-duration", duration))));

        Assert.Contains("--session-duration must be a whole number from 900 to 43200", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SessionArguments_EndpointWithoutScheme_GetsHttps()
    {
        var arguments = SessionArguments.From(ToolCommandLine.ParseCommand(ToolRun.SessionArgs("credential-process", "--endpoint", "rolesanywhere.example.com")));

        Assert.Equal(new Uri("https://rolesanywhere.example.com"), arguments.Endpoint);
        Assert.Equal("ToolTestRole", arguments.RoleName);
        Assert.Equal(3600, arguments.SessionDurationSeconds);
    }

    [Fact]
    public void CacheKey_SameFlagsInAnyOrderOrWithDebug_SameKey()
    {
        var a = SessionArguments.From(ToolCommandLine.ParseCommand(ToolRun.SessionArgs("credential-process", "--region", "us-east-1")));
        var b = SessionArguments.From(ToolCommandLine.ParseCommand(["credential-process", "--debug", "--no-cache", "--region", "us-east-1", .. ToolRun.SessionArgs("x").Skip(1)]));

        Assert.Equal(a.CacheKey(), b.CacheKey());
    }

    [Fact]
    public void CacheKey_DifferentRoleOrDuration_DifferentKey()
    {
        var a = SessionArguments.From(ToolCommandLine.ParseCommand(ToolRun.SessionArgs("credential-process")));
        var role = SessionArguments.From(ToolCommandLine.ParseCommand(ToolRun.SessionArgs("credential-process", "--role-arn", "arn:aws:iam::111122223333:role/Other")));
        var duration = SessionArguments.From(ToolCommandLine.ParseCommand(ToolRun.SessionArgs("credential-process", "--session-duration", "900")));

        Assert.NotEqual(a.CacheKey(), role.CacheKey());
        Assert.NotEqual(a.CacheKey(), duration.CacheKey());
    }

    [Fact]
    public void CacheKey_PasswordOrPinChanges_KeyUnchangedAndSecretNotHashedIn()
    {
        var plain = SessionArguments.From(ToolCommandLine.ParseCommand(ToolRun.SessionArgs("credential-process", "--certificate", "pkcs11:token=t;object=o")));
        var withSecrets = SessionArguments.From(ToolCommandLine.ParseCommand(ToolRun.SessionArgs("credential-process", "--certificate", "pkcs11:token=t;object=o?pin-value=1234", "--pkcs8-password", "hunter2")));

        Assert.Equal(plain.CacheKey(), withSecrets.CacheKey());
    }

    [Fact]
    public async Task RunAsync_UsageError_ExitCode2AndHintOnStderr()
    {
        var run = await ToolRun.RunAsync(["credential-process", "--certificate", "c.pem", "--cert-selector", "Key=x509Serial,Value=01"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Contains("--certificate cannot be combined with --cert-selector", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("hint:", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Help_ListsCommandsOnStdout()
    {
        var run = await ToolRun.RunAsync(["--help"]);
        var serve = await ToolRun.RunAsync(["serve", "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("credential-process", run.StdoutText, StringComparison.Ordinal);
        Assert.Contains("read-certificate-data", run.StdoutText, StringComparison.Ordinal);
        Assert.Contains("--hop-limit", serve.StdoutText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Version_PrintsAssemblyVersion()
    {
        var run = await ToolRun.RunAsync(["version"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", run.StdoutText);
    }
}
