using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RolesAnywhere.Credentials.Identity;
using RolesAnywhere.Credentials.Testing.Certificates;
using RolesAnywhere.Credentials.Tests.Credentials;

namespace RolesAnywhere.Credentials.Tests.Hosting;

/// <summary>
/// How often a host opens the key (a token login, a PIN prompt, a TPM open), counted by a real key source: once at
/// start, by the credentials the host keeps; never by validating or resolving options (per request scope, on reload).
/// </summary>
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
    public async Task HostStart_KeyFromSource_OpensItOnceAndCredentialsSignWithIt()
    {
        var source = new CountingKeySource();
        var host = BuildHost(source);

        await host.StartAsync(TestContext.Current.CancellationToken);
        var key = Assert.Single(source.Opened);
        var signaturesAtStart = key.Signatures;
        var credentials = host.Services.GetRequiredService<RolesAnywhereAWSCredentials>();
        var immutable = await credentials.GetCredentialsAsync();
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.Single(source.Opened);
        Assert.Equal(1, world.Emulator.SuccessfulSessionCount);
        Assert.Equal(world.SessionRequests[0].IssuedAccessKeyId, immutable.AccessKey);
        Assert.Equal(signaturesAtStart + 1, key.Signatures);
        Assert.False(key.IsDisposed);
        host.Dispose();
        Assert.True(key.IsDisposed);
    }

    [Fact]
    public async Task HostStart_ApplicationReadsIOptionsBeforeTheCredentials_KeyStillOpenedOnce()
    {
        var source = new CountingKeySource();
        using var host = BuildHost(source);

        await host.StartAsync(TestContext.Current.CancellationToken);
        var seenByApplication = host.Services.GetRequiredService<IOptions<RolesAnywhereOptions>>().Value;
        var credentials = host.Services.GetRequiredService<RolesAnywhereAWSCredentials>();
        var immutable = await credentials.GetCredentialsAsync();
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(issued.TrustAnchorArn, seenByApplication.TrustAnchorArn);
        Assert.Single(source.Opened);
        Assert.Equal(world.SessionRequests[0].IssuedAccessKeyId, immutable.AccessKey);
    }

    [Fact]
    public async Task GetCredentials_ResolvedWithoutHostStart_OpensTheKeyOnceAndSignsWithIt()
    {
        var source = new CountingKeySource();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(world.Clock);
        services.AddRolesAnywhereCredentials(o => Configure(o, source));
        var provider = services.BuildServiceProvider();

        var immutable = provider.GetRequiredService<Amazon.Runtime.AWSCredentials>().GetCredentials();

        var key = Assert.Single(source.Opened);
        Assert.Equal(world.SessionRequests[0].IssuedAccessKeyId, immutable.AccessKey);
        Assert.Equal(2, key.Signatures); // the key-pair check at load, then CreateSession
        await provider.DisposeAsync();
        Assert.True(key.IsDisposed);
    }

    [Fact]
    public async Task HostStart_KeyOfAnotherCertificate_FailsWithTheLoadersMessageAndClosesTheKey()
    {
        using var other = SharedKeys.Issue(world.Root, TestKeyType.EcdsaP384, "CN=other");
        var otherKeyPath = Path.Combine(world.Folder, "other.key");
        File.WriteAllText(otherKeyPath, TestCertificatePem.PrivateKey(other));
        var source = new CountingKeySource();
        using var host = BuildHost(source, o => o.PrivateKeyPath = CountingKeySource.ReferenceTo(otherKeyPath));
        var expected = Assert.Throws<RolesAnywhereConfigurationException>(() => SigningIdentityLoader.Load(Options(source, o => o.PrivateKeyPath = CountingKeySource.ReferenceTo(otherKeyPath)), world.Clock));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Equal(expected.Message, Assert.Single(error.Failures));
        Assert.All(source.Opened, k => Assert.True(k.IsDisposed));
        Assert.Equal(2, source.Opened.Count); // the expected message's load, and the host's
    }

    [Fact]
    public async Task HostStart_ThenThreeRequestScopes_OpensTheKeyOnceAndNeverPerScope()
    {
        var source = new CountingKeySource();
        using var host = BuildHost(source);

        await host.StartAsync(TestContext.Current.CancellationToken);
        var openedAtStart = source.Opened.Count;
        for (var i = 0; i < 3; i++)
        {
            using var scope = host.Services.CreateScope();
            _ = scope.ServiceProvider.GetRequiredService<IOptionsSnapshot<RolesAnywhereOptions>>().Value;
            await scope.ServiceProvider.GetRequiredService<RolesAnywhereAWSCredentials>().GetCredentialsAsync();
        }

        await host.StopAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, openedAtStart);
        Assert.Single(source.Opened);
    }

    [Fact]
    public async Task OptionsResolved_ThreeSnapshotScopesWithoutCredentials_OpensNoKey()
    {
        var source = new CountingKeySource();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(world.Clock);
        services.AddRolesAnywhereCredentials(o => Configure(o, source));
        await using var provider = services.BuildServiceProvider(validateScopes: true);

        _ = provider.GetRequiredService<IOptionsMonitor<RolesAnywhereOptions>>().CurrentValue;
        _ = provider.GetRequiredService<IOptions<RolesAnywhereOptions>>().Value;
        for (var i = 0; i < 3; i++)
        {
            using var scope = provider.CreateScope();
            _ = scope.ServiceProvider.GetRequiredService<IOptionsSnapshot<RolesAnywhereOptions>>().Value;
        }

        Assert.Empty(source.Opened);
        Assert.Equal(0, world.Emulator.SuccessfulSessionCount);
    }

    [Fact]
    public async Task OptionsReloaded_AfterHostStart_OpensNoOtherKeyAndKeepsSigningWithTheFirst()
    {
        var source = new CountingKeySource();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RolesAnywhere:TrustAnchorArn"] = issued.TrustAnchorArn,
            ["RolesAnywhere:ProfileArn"] = issued.ProfileArn,
            ["RolesAnywhere:RoleArn"] = issued.RoleArn,
            ["RolesAnywhere:Endpoint"] = issued.Endpoint!.ToString(),
            ["RolesAnywhere:CertificatePath"] = issued.CertificatePath,
            ["RolesAnywhere:PrivateKeyPath"] = CountingKeySource.ReferenceTo(issued.PrivateKeyPath!),
        }).Build();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<TimeProvider>(world.Clock);
        builder.Services.AddRolesAnywhereCredentials(configuration.GetSection("RolesAnywhere"));
        builder.Services.Configure<RolesAnywhereOptions>(o => o.SigningKeySources.Add(source));
        builder.Services.AddSingleton<IOptionsChangeTokenSource<RolesAnywhereOptions>>(new ConfigurationChangeTokenSource<RolesAnywhereOptions>(configuration));
        using var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        var first = Assert.Single(source.Opened);

        configuration.Reload();
        _ = host.Services.GetRequiredService<IOptionsMonitor<RolesAnywhereOptions>>().CurrentValue;

        Assert.Single(source.Opened);
        Assert.False(first.IsDisposed);
        var credentials = host.Services.GetRequiredService<RolesAnywhereAWSCredentials>();
        await credentials.GetCredentialsAsync();
        Assert.Single(source.Opened);
        Assert.Equal(2, first.Signatures); // the key-pair check at start, then CreateSession
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Refresh_CertificateFileRenewedTwiceAfterHostStart_SignsEachTimeWithTheKeyOpenedAtStart()
    {
        var source = new CountingKeySource();
        using var host = BuildHost(source);
        await host.StartAsync(TestContext.Current.CancellationToken);
        var credentials = host.Services.GetRequiredService<RolesAnywhereAWSCredentials>();
        await credentials.GetCredentialsAsync();

        using var renewed = SharedKeys.Issue(world.Root, TestKeyType.EcdsaP256, "CN=renewed");
        File.WriteAllText(issued.CertificatePath!, TestCertificatePem.Certificate(renewed));
        world.Clock.Advance(TimeSpan.FromHours(1));
        credentials.GetCredentials();
        using var renewedAgain = SharedKeys.Issue(world.Root, TestKeyType.EcdsaP256, "CN=renewed again");
        File.WriteAllText(issued.CertificatePath!, TestCertificatePem.Certificate(renewedAgain));
        world.Clock.Advance(TimeSpan.FromHours(1));
        await credentials.GetCredentialsAsync();

        var requests = world.SessionRequests;
        Assert.Equal([201, 201, 201], requests.Select(r => r.StatusCode));
        Assert.Equal(Convert.ToBase64String(renewed.RawData), requests[1].Headers["X-Amz-X509"]);
        Assert.Equal(Convert.ToBase64String(renewedAgain.RawData), requests[2].Headers["X-Amz-X509"]);
        var key = Assert.Single(source.Opened);
        Assert.False(key.IsDisposed);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    private IHost BuildHost(CountingKeySource source, Action<RolesAnywhereOptions>? change = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<TimeProvider>(world.Clock);
        builder.Services.AddRolesAnywhereCredentials(o => Configure(o, source, change));
        return builder.Build();
    }

    private RolesAnywhereOptions Options(CountingKeySource source, Action<RolesAnywhereOptions>? change = null)
    {
        var options = new RolesAnywhereOptions();
        Configure(options, source, change);
        return options;
    }

    private void Configure(RolesAnywhereOptions options, CountingKeySource source, Action<RolesAnywhereOptions>? change = null)
    {
        options.TrustAnchorArn = issued.TrustAnchorArn;
        options.ProfileArn = issued.ProfileArn;
        options.RoleArn = issued.RoleArn;
        options.Endpoint = issued.Endpoint;
        options.CertificatePath = issued.CertificatePath;
        options.PrivateKeyPath = CountingKeySource.ReferenceTo(issued.PrivateKeyPath!);
        options.SigningKeySources.Add(source);
        change?.Invoke(options);
    }
}
