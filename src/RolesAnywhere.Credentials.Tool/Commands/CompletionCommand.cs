using RolesAnywhere.Credentials.Tool.Cli;

namespace RolesAnywhere.Credentials.Tool.Commands;

/// <summary><c>completion bash|zsh</c>: prints the shell script that completes commands and flags through the <c>[suggest]</c> directive.</summary>
internal static class CompletionCommand
{
    public static async Task<int> RunAsync(ParsedCommandLine parsed, ToolEnvironment environment, CancellationToken cancellationToken)
    {
        var shell = parsed.Operands switch
        {
            [var one] => one,
            [] => throw new UsageException("Name the shell: bash or zsh.", "Example: source <(rolesanywhere completion bash)"),
            _ => throw new UsageException($"Name one shell, not {parsed.Operands.Count}.", "Example: source <(rolesanywhere completion bash)"),
        };
        var script = CompletionScripts.For(shell)
            ?? throw new UsageException($"No completion script for '{shell}': bash and zsh have one.", "Run 'rolesanywhere completion bash' or 'rolesanywhere completion zsh'.");
        await ToolApplication.WriteAsync(environment.Stdout, script, cancellationToken).ConfigureAwait(false);
        return ToolApplication.Success;
    }
}
