using System.Text.RegularExpressions;
using RolesAnywhere.Credentials.Tool.Cli;
using RolesAnywhere.Credentials.Tool.Tests.Support;

namespace RolesAnywhere.Credentials.Tool.Tests.Cli;

/// <summary>Every command's help (<c>COMMAND --help</c>, <c>help COMMAND</c>) describes every flag, shows defaults and marks required flags; <c>--version</c> prints the version.</summary>
public sealed class HelpTests
{
    public static TheoryData<string> Commands => [.. CommandDefinitions.All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task HelpFlag_EveryCommand_SummaryAndEveryFlagWithItsDescription(string name)
    {
        var command = CommandDefinitions.Find(name)!;

        var run = await ToolRun.RunAsync([.. name.Split(' '), "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Stderr);
        var help = OneLine(run.StdoutText);
        Assert.Contains(OneLine(command.Summary), help, StringComparison.Ordinal);
        foreach (var flag in command.Flags.Values)
        {
            Assert.False(string.IsNullOrWhiteSpace(flag.Description), $"--{flag.Name} of {name} has no description");
            var usage = flag.Kind == FlagKind.Switch ? $"--{flag.Name}" : $"--{flag.Name} <{flag.ValueName}>";
            Assert.Contains($"{usage}{(flag.Required ? " (REQUIRED)" : string.Empty)} {OneLine(flag.Description)}", help, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task HelpCommand_EveryCommand_SameAsHelpFlag(string name)
    {
        var flag = await ToolRun.RunAsync([.. name.Split(' '), "--help"]);
        var command = await ToolRun.RunAsync(["help", .. name.Split(' ')]);

        Assert.Equal(0, command.ExitCode);
        Assert.Equal(flag.StdoutText, command.StdoutText);
    }

    [Theory]
    [InlineData("serve", "--port <port>", "[default: 9911]")]
    [InlineData("serve", "--hop-limit <hops>", "[default: 64]")]
    [InlineData("credential-process", "--session-duration <seconds>", "[default: 3600]")]
    [InlineData("update", "--profile <name>", "[default: default]")]
    [InlineData("sign-string", "--digest <SHA256|SHA384|SHA512>", "[default: SHA256]")]
    [InlineData("audit", "--fail-on <low|medium|high>", "[default: medium]")]
    [InlineData("audit", "--failure-burst <N/minutes>", "[default: 5/10]")]
    [InlineData("renew", "--renew-at <fraction>", "[default: 0.67]")]
    public async Task HelpFlag_FlagWithDefault_ShowsIt(string command, string usage, string shown)
    {
        var help = OneLine((await ToolRun.RunAsync([command, "--help"])).StdoutText);

        Assert.Matches(Regex.Escape(usage) + @" [^\[]*" + Regex.Escape(shown), help);
    }

    [Theory]
    [InlineData("credential-process", "--trust-anchor-arn")]
    [InlineData("credential-process", "--profile-arn")]
    [InlineData("serve", "--role-arn")]
    [InlineData("renew", "--certificate")]
    public async Task HelpFlag_RequiredFlag_Marked(string command, string flag)
    {
        var help = OneLine((await ToolRun.RunAsync([command, "--help"])).StdoutText);

        Assert.Matches(Regex.Escape(flag) + @" <[^>]+> \(REQUIRED\)", help);
        Assert.DoesNotMatch(@"--region <region> \(REQUIRED\)", help);
    }

    [Fact]
    public async Task HelpCommand_NoCommand_SameAsToolHelpListingEveryCommand()
    {
        var help = await ToolRun.RunAsync(["help"]);
        var flag = await ToolRun.RunAsync(["--help"]);

        Assert.Equal(0, help.ExitCode);
        Assert.Equal(flag.StdoutText, help.StdoutText);
        foreach (var command in CommandDefinitions.All.Where(c => !c.Name.Contains(' ', StringComparison.Ordinal)))
        {
            Assert.Contains($"  {command.Name}", help.StdoutText, StringComparison.Ordinal);
        }

        Assert.Contains("  policy", help.StdoutText, StringComparison.Ordinal);
        Assert.Contains("--version", help.StdoutText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpCommand_UnknownCommand_UsageErrorWithSuggestion()
    {
        var run = await ToolRun.RunAsync(["help", "serv"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Contains("Unknown command 'serv'", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Did you mean serve?", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VersionFlag_PrintsWhatTheVersionCommandPrints()
    {
        var flag = await ToolRun.RunAsync(["--version"]);
        var command = await ToolRun.RunAsync(["version"]);

        Assert.Equal(0, flag.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+\S*\n$", flag.StdoutText);
        Assert.Equal(command.StdoutText, flag.StdoutText);
    }

    /// <summary>Help wraps long lines at the terminal's width: compare with every run of white space made one space.</summary>
    private static string OneLine(string text) => Regex.Replace(text, @"\s+", " ");
}
