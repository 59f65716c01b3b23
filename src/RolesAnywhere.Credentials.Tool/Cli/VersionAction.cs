using System.CommandLine;
using System.CommandLine.Invocation;
using RolesAnywhere.Credentials.Tool.Commands;

namespace RolesAnywhere.Credentials.Tool.Cli;

/// <summary><c>--version</c>: the line the <c>version</c> command prints.</summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.Write(VersionCommand.Version + "\n");
        return 0;
    }
}
