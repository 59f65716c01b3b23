using System.Runtime.InteropServices;
using RolesAnywhere.Credentials.Tool.Commands;

namespace RolesAnywhere.Credentials.Tool;

/// <summary>The <c>rolesanywhere</c> entry point: SIGINT/SIGTERM stop <c>serve</c> and <c>update</c> cleanly.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var stop = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        return await ToolApplication.RunAsync(args, ToolEnvironment.ForConsole(), stop.Token).ConfigureAwait(false);
    }
}
