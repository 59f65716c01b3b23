using RolesAnywhere.Credentials.Tool.Cli;

namespace RolesAnywhere.Credentials.Tool.Commands;

/// <summary><c>help [COMMAND]</c>: the help of the tool, or of the command named (what <c>rolesanywhere COMMAND --help</c> prints).</summary>
internal static class HelpCommand
{
    public static Task<int> RunAsync(ParsedCommandLine parsed, ToolEnvironment environment, CancellationToken cancellationToken) =>
        ToolCommandLine.InvokeBuiltInAsync(ToolCommandLine.Parse([.. parsed.Operands, "--help"]), environment, cancellationToken);
}
