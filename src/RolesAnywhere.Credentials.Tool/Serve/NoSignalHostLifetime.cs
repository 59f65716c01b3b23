using Microsoft.Extensions.Hosting;

namespace RolesAnywhere.Credentials.Tool.Serve;

/// <summary>
/// The host lifetime of the serve listeners: none. The default (console) lifetime registers process-wide SIGINT/SIGTERM
/// handlers that swallow the signal, and would compete with the tool's own handling in <see cref="Program"/> (one place decides the exit code and the
/// graceful stop). The listeners stop when <c>serve</c> disposes them.
/// </summary>
internal sealed class NoSignalHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
