using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RolesAnywhere.Credentials.Renewal;

namespace RolesAnywhere.Credentials.Tests.Renewal;

/// <summary>
/// Who disposes the issuer of <c>AddCertificateRenewal</c>, with a real host and a real <c>cfssl serve</c>: the host
/// disposes an issuer its configure callback made, and never one registered as a service instance.
/// </summary>
public sealed class HostedIssuerOwnershipTests(CfsslServer cfssl) : IClassFixture<CfsslServer>
{
    [Fact]
    public async Task AddCertificateRenewal_IssuerMadeInConfigure_DisposedWithTheHost()
    {
        cfssl.Require();
        using var world = NotDue();
        CfsslCertificateIssuer? made = null;
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddCertificateRenewal(r =>
        {
            r.CertificatePath = world.CertificatePath;
            r.PrivateKeyPath = world.KeyPath;
            r.Issuer = made = new CfsslCertificateIssuer(cfssl.Url);
        });

        await RunAndDisposeAsync(builder);

        Assert.NotNull(made);
        var ex = await Assert.ThrowsAsync<CertificateRenewalException>(() => new CertificateRenewer(world.Options(made)).RenewNowAsync(TestContext.Current.CancellationToken));
        Assert.Equal(CertificateRenewalStage.Issuance, ex.Stage);
        Assert.IsType<ObjectDisposedException>(ex.InnerException);
    }

    [Fact]
    public async Task AddCertificateRenewal_IssuerRegisteredAsAServiceInstance_UsedAndLeftToItsOwner()
    {
        cfssl.Require();
        using var world = NotDue();
        using var mine = new CfsslCertificateIssuer(cfssl.Url);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<ICertificateIssuer>(mine);
        builder.Services.AddCertificateRenewal(r =>
        {
            r.CertificatePath = world.CertificatePath;
            r.PrivateKeyPath = world.KeyPath;
        });

        await RunAndDisposeAsync(builder);

        var result = await new CertificateRenewer(world.Options(mine)).RenewNowAsync(TestContext.Current.CancellationToken);
        Assert.Equal(CertificateRenewalOutcome.Renewed, result.Outcome);
    }

    [Fact]
    public async Task AddCertificateRenewal_NoIssuerSetNorRegistered_HostStartFailsNamingIt()
    {
        using var world = RenewalWorld.Create(TimeSpan.FromDays(1), TimeSpan.FromDays(29));
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddCertificateRenewal(r =>
        {
            r.CertificatePath = world.CertificatePath;
            r.PrivateKeyPath = world.KeyPath;
        });
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<CertificateRenewalException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Issuer is required", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>Starts the host (the renewer is made then), stops and disposes it.</summary>
    private static async Task RunAndDisposeAsync(HostApplicationBuilder builder)
    {
        using var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        Assert.NotNull(host.Services.GetRequiredService<CertificateRenewer>());
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>A pair from the CFSSL CA with most of its life ahead: the host's renewer leaves it alone.</summary>
    private RenewalWorld NotDue()
    {
        var world = RenewalWorld.Create(TimeSpan.FromDays(1), TimeSpan.FromDays(29));
        world.UseCa(cfssl.Ca, uriName: false);
        world.WritePair(TimeSpan.FromDays(1), TimeSpan.FromDays(29), uriName: false);
        return world;
    }
}
