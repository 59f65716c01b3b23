using RolesAnywhere.Credentials.TestSupport;

namespace RolesAnywhere.Credentials.Tool.Tests.EndToEnd;

/// <summary>
/// Help, <c>--version</c>, the <c>[suggest]</c> directive and the completion scripts of the built tool as a process (the JIT
/// build, or the Native AOT binary named by <c>ROLESANYWHERE_TOOL_PATH</c>); the scripts run in real bash and zsh.
/// </summary>
public sealed class HelpEndToEndTests
{
    [Fact]
    public async Task Help_ToolAndCommand_UsageNamesTheTool()
    {
        var tool = await Tool("--help");
        var serve = await Tool("serve", "--help");

        Assert.True(tool.ExitCode == 0, tool.ToString());
        Assert.Contains("Usage:\n  rolesanywhere [command] [options]", tool.Stdout, StringComparison.Ordinal);
        Assert.Contains("credential-process", tool.Stdout, StringComparison.Ordinal);
        Assert.True(serve.ExitCode == 0, serve.ToString());
        Assert.Contains("Usage:\n  rolesanywhere serve [options]", serve.Stdout, StringComparison.Ordinal);
        Assert.Contains("[default: 9911]", serve.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_FlagAndCommand_SameLine()
    {
        var flag = await Tool("--version");
        var command = await Tool("version");

        Assert.True(flag.ExitCode == 0, flag.ToString());
        Assert.Matches(@"^\d+\.\d+\.\d+\S*\n$", flag.Stdout);
        Assert.Equal(command.Stdout, flag.Stdout);
    }

    [Fact]
    public async Task Misspelled_Flag_ExitTwoWithSuggestionAndNoStackTrace()
    {
        var run = await Tool("credential-process", "--certifcate", "c.pem");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Equal(
            "rolesanywhere: Unknown flag --certifcate for 'credential-process'.\nhint: Did you mean --certificate? Run 'rolesanywhere credential-process --help' for its flags.\n",
            run.Stderr);
    }

    [Theory]
    [InlineData("credential-pr", "credential-process")]
    [InlineData("serve --hop", "--hop-limit")]
    [InlineData("policy l", "lint")]
    [InlineData("audit --fail", "--fail-on")]
    [InlineData("sign-string --format ", "bin")]
    [InlineData("renew --key-algorithm ec", "ec-p384")]
    public async Task SuggestDirective_PartialWord_Completed(string line, string expected)
    {
        var run = await Tool($"[suggest:{line.Length}]", line);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(expected, run.Stdout.Split('\n'));
    }

    [Fact]
    public async Task BashCompletion_SourcedInBash_CompletesCommandsAndFlags()
    {
        Requirement.That(ExternalProcess.Works("bash", "-c", "true"), "bash is not installed");
        const string Script = """
            source <("$TOOL" completion bash)
            complete -p rolesanywhere
            COMP_WORDS=("$TOOL" cred); COMP_CWORD=1; _rolesanywhere_complete; printf 'command:%s\n' "${COMPREPLY[@]}"
            COMP_WORDS=("$TOOL" serve --po); COMP_CWORD=2; _rolesanywhere_complete; printf 'flag:%s\n' "${COMPREPLY[@]}"
            """;

        var run = await ExternalProcess.RunAsync("bash", ["-c", Script], new Dictionary<string, string> { ["TOOL"] = ToolBinary.Path });

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("complete -o default -F _rolesanywhere_complete rolesanywhere", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("command:credential-process", run.Stdout.Split('\n'));
        Assert.Contains("flag:--port", run.Stdout.Split('\n'));
        Assert.DoesNotContain("flag:--profile", run.Stdout.Split('\n'));
    }

    [Fact]
    public async Task ZshCompletion_SourcedInZsh_OffersCommandsAndFlags()
    {
        Requirement.That(ExternalProcess.Works("zsh", "-c", "true"), "zsh is not installed (.ci/install-test-deps installs it)");

        // compadd and compdef exist only inside zsh's completion system: here they print what they are given.
        const string Script = """
            compdef() { print -r -- "compdef:$*" }
            compadd() { print -rl -- "${(@P)2}" }
            source <("$TOOL" completion zsh)
            words=("$TOOL" serve --hop); CURRENT=3; _rolesanywhere
            words=("$TOOL" polic); CURRENT=2; _rolesanywhere
            """;

        var run = await ExternalProcess.RunAsync("zsh", ["-f", "-c", Script], new Dictionary<string, string> { ["TOOL"] = ToolBinary.Path });

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Stdout.Split('\n');
        Assert.Contains("compdef:_rolesanywhere rolesanywhere", lines);
        Assert.Contains("--hop-limit", lines);
        Assert.Contains("policy", lines);
    }

    private static Task<ExternalProcess> Tool(params string[] args) => ExternalProcess.RunAsync(ToolBinary.Path, args, new Dictionary<string, string>());
}
