using System.Runtime.InteropServices;
using RolesAnywhere.Credentials.Tool.Commands;

namespace RolesAnywhere.Credentials.Tool;

/// <summary>
/// The <c>rolesanywhere</c> entry point. SIGINT and SIGTERM stop every command: the command is cancelled (so
/// <c>serve</c> and <c>update</c> shut down cleanly) and the tool exits with 128 + the signal number (130, 143),
/// as a shell reports a process the signal ended. A command that does not stop within
/// <see cref="GracePeriod"/>, or a second signal, ends the process at once with the same code.
/// </summary>
internal static class Program
{
    /// <summary>Long enough for <c>serve</c> to finish the requests in flight, short enough for <c>docker stop</c> and <c>systemctl stop</c>.</summary>
    public static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(5);

    public static async Task<int> Main(string[] args)
    {
        using var stop = new CancellationTokenSource();
        var exitCode = 0;
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            var code = context.Signal == PosixSignal.SIGINT ? 130 : 143;
            if (Interlocked.CompareExchange(ref exitCode, code, 0) != 0)
            {
                Environment.Exit(Volatile.Read(ref exitCode));
            }

            stop.Cancel();
            _ = Task.Delay(GracePeriod, CancellationToken.None).ContinueWith(_ => Environment.Exit(code), TaskScheduler.Default);
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        var result = await ToolApplication.RunAsync(args, ToolEnvironment.ForConsole(), stop.Token).ConfigureAwait(false);
        return Volatile.Read(ref exitCode) is > 0 and var signalled ? signalled : result;
    }
}
