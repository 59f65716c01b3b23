using Microsoft.Extensions.Hosting;
using RolesAnywhere.Credentials.Renewal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Runs <see cref="CertificateRenewer.RunAsync"/> for the life of the host. The renewer is made at start, after the
/// credentials (<c>RolesAnywhereStartup</c> starts first), so that a bad setting fails the host with its own message.
/// </summary>
internal sealed class CertificateRenewalService : BackgroundService
{
    private readonly IServiceProvider _services;
    private CertificateRenewer? _renewer;

    public CertificateRenewalService(IServiceProvider services) => _services = services;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _renewer = _services.GetRequiredService<CertificateRenewer>();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first run reads files and may start a process: not on the thread starting the host.
        await Task.Yield();
        await _renewer!.RunAsync(stoppingToken).ConfigureAwait(false);
    }
}
