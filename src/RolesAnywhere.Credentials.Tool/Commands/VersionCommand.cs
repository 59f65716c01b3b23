using System.Reflection;

namespace RolesAnywhere.Credentials.Tool.Commands;

/// <summary><c>version</c>: the tool's version, one line.</summary>
internal static class VersionCommand
{
    public static string Version { get; } =
        typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static async Task<int> RunAsync(ToolEnvironment environment, CancellationToken cancellationToken)
    {
        await ToolApplication.WriteAsync(environment.Stdout, Version + "\n", cancellationToken).ConfigureAwait(false);
        return ToolApplication.Success;
    }
}
