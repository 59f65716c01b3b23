using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RolesAnywhere.Credentials.Tests.Credentials;

namespace RolesAnywhere.Credentials.Tests.Hosting;

/// <summary>How often a host opens the key: once at start, shared by the validation and the credentials.</summary>
public sealed class HostStartIdentityTests : IAsyncLifetime
{
    private EmulatorWorld world = null!;
    private RolesAnywhereOptions issued = null!;

    public async ValueTask InitializeAsync()
    {
        world = await EmulatorWorld.StartAsync();
        issued = world.IssueOptions();
    }

    public async ValueTask DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public async Task HostStart_KeyFromSource_OpensItOnceAndSignsWithIt()
    {
        var source = new CountingKeySource();
        using var host = BuildHost(source);

        await host.StartAsync(TestContext.Current.CancellationToken);
        var credentials = host.Services.GetRequiredService<RolesAnywhereAWSCredentials>();
        var immutable = await credentials.GetCredentialsAsync();
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.False(string.IsNullOrEmpty(immutable.AccessKey));
        Assert.Equal(1, world.Emulator.SuccessfulSessionCount);
        var key = Assert.Single(source.Opened);
        Assert.True(key.Signatures > 0);
    }

    private IHost BuildHost(CountingKeySource source)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<TimeProvider>(world.Clock);
        builder.Services.AddRolesAnywhereCredentials(o =>
        {
            o.TrustAnchorArn = issued.TrustAnchorArn;
            o.ProfileArn = issued.ProfileArn;
            o.RoleArn = issued.RoleArn;
            o.Endpoint = issued.Endpoint;
            o.CertificatePath = issued.CertificatePath;
            o.PrivateKeyPath = CountingKeySource.ReferenceTo(issued.PrivateKeyPath!);
            o.SigningKeySources.Add(source);
        });
        return builder.Build();
    }
}
