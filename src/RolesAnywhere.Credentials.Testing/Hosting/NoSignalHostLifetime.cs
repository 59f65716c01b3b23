using Microsoft.Extensions.Hosting;

namespace RolesAnywhere.Credentials.Testing.Hosting;

/// <summary>
/// The emulator's host lifetime: none. The default (console) lifetime registers process-wide SIGINT/SIGTERM
/// handlers that swallow the signal, so a test or dev process holding an emulator would survive <c>kill</c>,
/// <c>timeout</c> and <c>docker stop</c>. The emulator is stopped by disposing it, never by a signal.
/// </summary>
internal sealed class NoSignalHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
