using RolesAnywhere.Credentials.Tool.Cli;
using RolesAnywhere.Credentials.Tool.Tests.Support;

namespace RolesAnywhere.Credentials.Tool.Tests.Cli;

/// <summary>A misspelled command or flag is a usage error (exit 2, stderr only, one message line and one hint line) that proposes the name meant.</summary>
public sealed class SuggestionsTests
{
    [Theory]
    [InlineData(new[] { "credential-process", "--certifcate", "c.pem" }, "Unknown flag --certifcate for 'credential-process'.", "Did you mean --certificate?")]
    [InlineData(new[] { "serve", "--prot", "1" }, "Unknown flag --prot for 'serve'.", "Did you mean --port?")]
    [InlineData(new[] { "update", "-proifle", "x" }, "Unknown flag --proifle for 'update'.", "Did you mean --profile?")]
    [InlineData(new[] { "audit", "logs/", "--sinse", "24h" }, "Unknown flag --sinse for 'audit'.", "Did you mean --since?")]
    [InlineData(new[] { "credentials-process" }, "Unknown command 'credentials-process'.", "Did you mean credential-process?")]
    [InlineData(new[] { "serv" }, "Unknown command 'serv'.", "Did you mean serve?")]
    [InlineData(new[] { "policy", "lnt" }, "Unknown command 'policy lnt'.", "Did you mean policy lint?")]
    [InlineData(new[] { "credential-process", "--port", "1" }, "Unknown flag --port for 'credential-process'.", "--port is a flag of serve.")]
    public async Task RunAsync_Misspelled_UsageErrorProposesTheName(string[] args, string message, string suggestion)
    {
        var run = await ToolRun.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
        var lines = run.Stderr.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Equal("rolesanywhere: " + message, lines[0]);
        Assert.StartsWith("hint: " + suggestion, lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NothingClose_ListsTheCommandsInstead()
    {
        var run = await ToolRun.RunAsync(["frobnicate"]);

        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain("Did you mean", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("The commands are: credential-process, serve, update", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--certifcate", "--certificate")]
    [InlineData("--certificat", "--certificate")]
    [InlineData("--ceritficate", "--certificate")]
    [InlineData("--rgeion", "--region")]
    public void For_OneTypo_FindsTheFlag(string typed, string meant)
    {
        Assert.Equal(meant, Suggestions.For(typed, ["--certificate", "--region", "--role-arn", "--intermediates"])[0]);
    }

    [Fact]
    public void For_FarFromEverything_Nothing()
    {
        Assert.Empty(Suggestions.For("--x", ["--certificate", "--region"]));
        Assert.Empty(Suggestions.For("--verbose", ["--certificate", "--region", "--debug"]));
    }
}
