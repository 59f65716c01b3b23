using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RolesAnywhere.Credentials.Tool.Credentials;

namespace RolesAnywhere.Credentials.Tool.Serve;

/// <summary>
/// The <c>serve</c> listeners on Kestrel (no MVC, no routing, no reflection: AOT-clean): IMDSv2 on
/// 127.0.0.1 only, and the optional container endpoint, each in its own slim host. Accepted IMDS
/// connections get the configured IP TTL / hop limit, so with 1 a container one hop away cannot reach it;
/// the container endpoint keeps the default, since containers are exactly who it serves. Both refuse DNS
/// rebinding (foreign <c>Host</c>, browser headers) with 403 through <see cref="HostGuard"/>.
/// </summary>
internal sealed class CredentialServer : IAsyncDisposable
{
    /// <summary>How long requests in flight may take to finish when <c>serve</c> stops (within the tool's 5 s after a signal).</summary>
    public static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(3);

    private readonly WebApplication imds;
    private readonly WebApplication? container;

    private CredentialServer(WebApplication imds, WebApplication? container)
    {
        this.imds = imds;
        this.container = container;
    }

    public Uri ImdsUri { get; private set; } = null!;

    public Uri? ContainerUri { get; private set; }

    public static async Task<CredentialServer> StartAsync(ServeSettings settings, CredentialKeeper keeper, TimeProvider time, CancellationToken cancellationToken)
    {
        var imdsHandler = new ImdsHandler(keeper, new TokenStore(time), settings.RoleName, settings.WaitForCredentials);
        var imds = Build(new IPEndPoint(IPAddress.Loopback, settings.Port), settings.HopLimit, settings.ConnectionAccepted, HostGuard.ForImds.Protect(imdsHandler.HandleAsync));
        WebApplication? container = null;
        if (settings.ContainerEndpoint is { } containerEndpoint)
        {
            var containerHandler = new ContainerHandler(keeper, settings.ContainerToken!, settings.RoleArn, settings.WaitForCredentials);
            container = Build(containerEndpoint, hopLimit: null, settings.ConnectionAccepted, HostGuard.ForContainer(containerEndpoint.Address).Protect(containerHandler.HandleAsync));
        }

        var server = new CredentialServer(imds, container);
        try
        {
            await imds.StartAsync(cancellationToken).ConfigureAwait(false);
            server.ImdsUri = new Uri(BoundAddress(imds) + "/");
            if (container is not null)
            {
                await container.StartAsync(cancellationToken).ConfigureAwait(false);
                server.ContainerUri = new Uri(BoundAddress(container) + ContainerHandler.CredentialsPath);
            }
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return server;
    }

    /// <summary>Stops gracefully: no new connections, requests in flight get up to <see cref="ShutdownGrace"/> to finish.</summary>
    public async ValueTask DisposeAsync()
    {
        using (var grace = new CancellationTokenSource(ShutdownGrace))
        {
            await Task.WhenAll(imds.StopAsync(grace.Token), container?.StopAsync(grace.Token) ?? Task.CompletedTask).ConfigureAwait(false);
        }

        await imds.DisposeAsync().ConfigureAwait(false);
        if (container is not null)
        {
            await container.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static WebApplication Build(IPEndPoint endpoint, int? hopLimit, Action<Socket>? accepted, RequestDelegate handler)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton<IHostLifetime, NoSignalHostLifetime>();
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 4096;
            kestrel.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
            kestrel.Listen(endpoint, listen => listen.Use(next => connection =>
            {
                if (connection.Features.Get<IConnectionSocketFeature>()?.Socket is { } socket)
                {
                    if (hopLimit is { } limit)
                    {
                        socket.Ttl = (short)limit;
                    }

                    accepted?.Invoke(socket);
                }

                return next(connection);
            }));
        });
        var app = builder.Build();
        app.Run(handler);
        return app;
    }

    private static string BoundAddress(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return addresses.First().TrimEnd('/');
    }
}
