using System.Diagnostics.Metrics;
using Amazon;
using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RolesAnywhere.Credentials.Configuration;
using RolesAnywhere.Credentials.Diagnostics;
using RolesAnywhere.Credentials.Tests.Credentials;

namespace RolesAnywhere.Credentials.Tests.Hosting;

public sealed class DependencyInjectionTests : IAsyncLifetime
{
    private EmulatorWorld world = null!;

    public async ValueTask InitializeAsync() => world = await EmulatorWorld.StartAsync();

    public async ValueTask DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public void AddRolesAnywhereCredentials_CalledTwice_RegistersEachServiceOnceAndReturnsTheCollection()
    {
        var services = new ServiceCollection();

        var first = services.AddRolesAnywhereCredentials(_ => { });
        var second = services.AddRolesAnywhereCredentials(_ => { });

        Assert.Same(services, first);
        Assert.Same(services, second);
        Assert.Single(services, d => d.ServiceType == typeof(RolesAnywhereAWSCredentials));
        Assert.Single(services, d => d.ServiceType == typeof(AWSCredentials));
        Assert.Single(services, d => d.ServiceType == typeof(AWSOptions));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<RolesAnywhereOptions>));
    }

    [Fact]
    public void AddRolesAnywhereCredentials_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => RolesAnywhereServiceCollectionExtensions.AddRolesAnywhereCredentials(null!, _ => { }));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddRolesAnywhereCredentials((Action<RolesAnywhereOptions>)null!));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddRolesAnywhereCredentials((IConfiguration)null!));
    }

    [Fact]
    public async Task AddAWSService_AfterAddDefaultAWSOptions_ClientUsesRolesAnywhereAndKeepsUserSettings()
    {
        var awsOptions = new AWSOptions { Region = RegionEndpoint.EUWest1 };
        awsOptions.DefaultClientConfig.ServiceURL = world.Emulator.Endpoint.ToString();
        awsOptions.DefaultClientConfig.AuthenticationRegion = world.Emulator.Region;
        awsOptions.DefaultClientConfig.MaxErrorRetry = 7;
        var services = Services();
        services.AddDefaultAWSOptions(awsOptions);
        services.AddRolesAnywhereCredentials(o => Copy(world.IssueOptions(), o));
        services.AddAWSService<IAmazonSecurityTokenService>();
        await using var provider = services.BuildServiceProvider(validateScopes: true);

        var sts = provider.GetRequiredService<IAmazonSecurityTokenService>();
        var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), TestContext.Current.CancellationToken);

        Assert.StartsWith($"arn:aws:sts::{world.Emulator.AccountId}:assumed-role/app/", identity.Arn, StringComparison.Ordinal);
        var resolved = provider.GetRequiredService<AWSOptions>();
        Assert.Same(awsOptions, resolved);
        Assert.Same(provider.GetRequiredService<RolesAnywhereAWSCredentials>(), resolved.Credentials);
        Assert.Same(provider.GetRequiredService<RolesAnywhereAWSCredentials>(), provider.GetRequiredService<AWSCredentials>());
        Assert.Equal(RegionEndpoint.EUWest1, resolved.Region);
        Assert.Equal(7, sts.Config.MaxErrorRetry);
        Assert.Equal(1, world.Emulator.SuccessfulSessionCount);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task HostedAddAWSService_AddDefaultAWSOptionsBeforeOrAfter_ClientUsesRolesAnywhereAndKeepsUserSettings(bool awsOptionsFirst)
    {
        var awsOptions = new AWSOptions { Region = RegionEndpoint.EUWest1 };
        awsOptions.DefaultClientConfig.ServiceURL = world.Emulator.Endpoint.ToString();
        awsOptions.DefaultClientConfig.AuthenticationRegion = world.Emulator.Region;
        awsOptions.DefaultClientConfig.MaxErrorRetry = 7;
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<TimeProvider>(world.Clock);
        if (awsOptionsFirst)
        {
            builder.Services.AddDefaultAWSOptions(awsOptions);
        }

        builder.Services.AddRolesAnywhereCredentials(o => Copy(world.IssueOptions(), o));
        if (!awsOptionsFirst)
        {
            builder.Services.AddDefaultAWSOptions(awsOptions);
        }

        builder.Services.AddAWSService<IAmazonSecurityTokenService>();
        using var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);

        var sts = host.Services.GetRequiredService<IAmazonSecurityTokenService>();
        var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), TestContext.Current.CancellationToken);
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.StartsWith($"arn:aws:sts::{world.Emulator.AccountId}:assumed-role/app/", identity.Arn, StringComparison.Ordinal);
        Assert.Same(host.Services.GetRequiredService<RolesAnywhereAWSCredentials>(), host.Services.GetRequiredService<AWSOptions>().Credentials);
        Assert.Equal(7, sts.Config.MaxErrorRetry);
        Assert.Equal(1, world.Emulator.SuccessfulSessionCount);
    }

    [Fact]
    public async Task HostStart_TransientAWSOptionsRegisteredAfter_FailsNamingTheFix()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<TimeProvider>(world.Clock);
        builder.Services.AddRolesAnywhereCredentials(o => Copy(world.IssueOptions(), o));
        builder.Services.AddDefaultAWSOptions(_ => new AWSOptions { Region = RegionEndpoint.EUWest1 }, ServiceLifetime.Transient);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Call AddDefaultAWSOptions before AddRolesAnywhereCredentials", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddRolesAnywhereCredentials_AWSOptionsWithOwnCredentials_KeepsThem()
    {
        var own = new BasicAWSCredentials("AKIDOWNEXAMPLE", "own-secret");
        var services = Services();
        services.AddDefaultAWSOptions(_ => new AWSOptions { Credentials = own }, ServiceLifetime.Singleton);
        services.AddRolesAnywhereCredentials(o => Copy(world.IssueOptions(), o));
        await using var provider = services.BuildServiceProvider();

        Assert.Same(own, provider.GetRequiredService<AWSOptions>().Credentials);
    }

    [Fact]
    public async Task AddRolesAnywhereCredentials_NoArgument_BindsTheRolesAnywhereSectionLikeTheSdkReadsAws()
    {
        // AWSSDK.Extensions.NETCore.Setup's convention: the section's name is the default (issue 28 item 3; CS1501 before).
        var options = world.IssueOptions();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AWS:Region"] = world.Emulator.Region,
            ["AWS:ServiceURL"] = world.Emulator.Endpoint.ToString(),
            ["AWS:AuthenticationRegion"] = world.Emulator.Region,
            ["RolesAnywhere:TrustAnchorArn"] = options.TrustAnchorArn,
            ["RolesAnywhere:ProfileArn"] = options.ProfileArn,
            ["RolesAnywhere:RoleArn"] = options.RoleArn,
            ["RolesAnywhere:Endpoint"] = options.Endpoint!.ToString(),
            ["RolesAnywhere:CertificatePath"] = options.CertificatePath,
            ["RolesAnywhere:PrivateKeyPath"] = options.PrivateKeyPath,
        });
        builder.Services.AddSingleton<TimeProvider>(world.Clock);
        builder.Services.AddRolesAnywhereCredentials();
        builder.Services.AddAWSService<IAmazonSecurityTokenService>();
        using var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);

        var identity = await host.Services.GetRequiredService<IAmazonSecurityTokenService>().GetCallerIdentityAsync(new GetCallerIdentityRequest(), TestContext.Current.CancellationToken);
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.StartsWith($"arn:aws:sts::{world.Emulator.AccountId}:assumed-role/app/", identity.Arn, StringComparison.Ordinal);
        Assert.Equal(options.RoleArn, host.Services.GetRequiredService<IOptions<RolesAnywhereOptions>>().Value.RoleArn);
    }

    [Fact]
    public async Task AddRolesAnywhereCredentials_NoArgumentNoConfiguration_FailsNamingTheFix()
    {
        await using var provider = new ServiceCollection().AddRolesAnywhereCredentials().BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptions<RolesAnywhereOptions>>().Value);

        Assert.Contains("GetSection(\"RolesAnywhere\")", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddAWSService_NoAWSOptionsRegistered_ReadsTheAwsSectionAndUsesRolesAnywhere()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AWS:Region"] = world.Emulator.Region,
            ["AWS:ServiceURL"] = world.Emulator.Endpoint.ToString(),
            ["AWS:AuthenticationRegion"] = world.Emulator.Region,
        }).Build();
        var services = Services();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddRolesAnywhereCredentials(o => Copy(world.IssueOptions(), o));
        services.AddAWSService<IAmazonSecurityTokenService>();
        await using var provider = services.BuildServiceProvider();

        var identity = await provider.GetRequiredService<IAmazonSecurityTokenService>().GetCallerIdentityAsync(new GetCallerIdentityRequest(), TestContext.Current.CancellationToken);

        Assert.Contains("assumed-role/app/", identity.Arn, StringComparison.Ordinal);
        Assert.Equal(RegionEndpoint.GetBySystemName(world.Emulator.Region), provider.GetRequiredService<AWSOptions>().Region);
    }

    [Fact]
    public void Binder_ConfigurationSection_BindsEverySetting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RolesAnywhere:TrustAnchorArn"] = "arn:aws:rolesanywhere:eu-west-1:111122223333:trust-anchor/ta",
            ["RolesAnywhere:ProfileArn"] = "arn:aws:rolesanywhere:eu-west-1:111122223333:profile/pr",
            ["RolesAnywhere:RoleArn"] = "arn:aws:iam::111122223333:role/Workload",
            ["RolesAnywhere:CertificatePath"] = "client.pem",
            ["RolesAnywhere:PrivateKeyPath"] = "client.key",
            ["RolesAnywhere:IntermediatesPath"] = "chain.pem",
            ["RolesAnywhere:PrivateKeyPassword"] = "pw",
            ["RolesAnywhere:Region"] = "eu-west-1",
            ["RolesAnywhere:Endpoint"] = "https://rolesanywhere.eu-west-1.amazonaws.com",
            ["RolesAnywhere:UseFipsEndpoint"] = "true",
            ["RolesAnywhere:UseDualStackEndpoint"] = "true",
            ["RolesAnywhere:SessionDuration"] = "00:30:00",
            ["RolesAnywhere:RoleSessionName"] = "worker-1",
            ["RolesAnywhere:HttpTimeout"] = "00:00:05",
            ["RolesAnywhere:RefreshTimeout"] = "00:00:20",
            ["RolesAnywhere:MaxRetries"] = "5",
            ["RolesAnywhere:CertificateSelector"] = "Key=x509Subject,Value=CN=worker",
            ["RolesAnywhere:CertificateStoreName"] = "My",
            ["RolesAnywhere:CertificateStoreLocation"] = "LocalMachine",
            ["RolesAnywhere:UseLatestExpiringCertificate"] = "true",
        }).Build();
        var options = new RolesAnywhereOptions();

        new RolesAnywhereOptionsBinder(configuration.GetSection("RolesAnywhere")).Configure(options);

        Assert.Equal("arn:aws:rolesanywhere:eu-west-1:111122223333:trust-anchor/ta", options.TrustAnchorArn);
        Assert.Equal("arn:aws:rolesanywhere:eu-west-1:111122223333:profile/pr", options.ProfileArn);
        Assert.Equal("arn:aws:iam::111122223333:role/Workload", options.RoleArn);
        Assert.Equal(("client.pem", "client.key", "chain.pem", "pw"), (options.CertificatePath, options.PrivateKeyPath, options.IntermediatesPath, options.PrivateKeyPassword));
        Assert.Equal("eu-west-1", options.Region);
        Assert.Equal(new Uri("https://rolesanywhere.eu-west-1.amazonaws.com"), options.Endpoint);
        Assert.True(options.UseFipsEndpoint);
        Assert.True(options.UseDualStackEndpoint);
        Assert.Equal(TimeSpan.FromMinutes(30), options.SessionDuration);
        Assert.Equal("worker-1", options.RoleSessionName);
        Assert.Equal(TimeSpan.FromSeconds(5), options.HttpTimeout);
        Assert.Equal(TimeSpan.FromSeconds(20), options.RefreshTimeout);
        Assert.Equal(5, options.MaxRetries);
        Assert.Equal("Key=x509Subject,Value=CN=worker", options.CertificateSelector);
        Assert.Equal("My", options.CertificateStoreName);
        Assert.Equal(System.Security.Cryptography.X509Certificates.StoreLocation.LocalMachine, options.CertificateStoreLocation);
        Assert.True(options.UseLatestExpiringCertificate);
    }

    [Fact]
    public async Task AddRolesAnywhereCredentials_UnknownKeyAndMalformedValue_FailNamingTheKeys()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RolesAnywhere:CertificateFile"] = "client.pem",
            ["RolesAnywhere:SessionDuration"] = "1h",
        }).Build();
        await using var provider = new ServiceCollection().AddRolesAnywhereCredentials(configuration.GetSection("RolesAnywhere")).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RolesAnywhereOptions>>().Value);

        Assert.Contains("RolesAnywhere:CertificateFile is not a Roles Anywhere setting", error.Message, StringComparison.Ordinal);
        Assert.Contains("RolesAnywhere:SessionDuration: '1h' is not valid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostStart_MalformedValuesAndInvalidSettings_ReportsEveryOneInOneValidationException()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RolesAnywhere:TrustAnchorArn"] = world.TrustAnchorArn,
            ["RolesAnywhere:ProfileArn"] = "nope",
            ["RolesAnywhere:RoleArn"] = world.RoleArn,
            ["RolesAnywhere:SessionDuration"] = "banana",
            ["RolesAnywhere:MaxRetries"] = "-1",
        }).Build();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddRolesAnywhereCredentials(configuration.GetSection("RolesAnywhere"));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(error.Failures, f => f.StartsWith("RolesAnywhere:SessionDuration: 'banana' is not valid; expected a duration such as 01:00:00", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("ProfileArn: 'nope' is not an ARN", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("MaxRetries: -1 must be between 0 and", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("No certificate is configured", StringComparison.Ordinal));
        Assert.Equal(4, error.Failures.Count());
    }

    [Fact]
    public async Task HostStart_InvalidOptions_FailsWithEveryProblemAtOnce()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddRolesAnywhereCredentials(o =>
        {
            o.TrustAnchorArn = "not-an-arn";
            o.SessionDuration = TimeSpan.FromDays(1);
            o.CertificatePath = "/nonexistent/client.pem";
        });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(error.Failures, f => f.StartsWith("TrustAnchorArn", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("ProfileArn", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("RoleArn", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("SessionDuration", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("CertificatePath: '/nonexistent/client.pem' does not exist", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Host_WithLoggingMetricsAndHealthChecks_ReportsThroughTheHostsFactories()
    {
        var logs = new CapturingLoggerProvider();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<TimeProvider>(world.Clock);
        builder.Logging.AddProvider(logs);
        builder.Services.AddMetrics();
        builder.Services.AddRolesAnywhereCredentials(o => Copy(world.IssueOptions(), o));
        builder.Services.AddHealthChecks().AddRolesAnywhere(tags: ["aws"]);
        using var host = builder.Build();
        var meterFactory = host.Services.GetRequiredService<IMeterFactory>();
        var sessions = new List<long>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == meterFactory && instrument.Name == RolesAnywhereMetrics.SessionsName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => sessions.Add(value));
        listener.Start();
        await host.StartAsync(TestContext.Current.CancellationToken);

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);
        await host.StopAsync(TestContext.Current.CancellationToken);

        var entry = Assert.Single(report.Entries);
        Assert.Equal("rolesanywhere", entry.Key);
        Assert.Equal(HealthStatus.Healthy, entry.Value.Status);
        Assert.Contains("aws", entry.Value.Tags);
        Assert.Equal([1L], sessions);
        Assert.Contains(logs.Entries, e => e.Category == RolesAnywhereTelemetry.Name && e.EventId.Id == 1);
    }

    private ServiceCollection Services()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(world.Clock);
        return services;
    }

    private static void Copy(RolesAnywhereOptions from, RolesAnywhereOptions to)
    {
        to.TrustAnchorArn = from.TrustAnchorArn;
        to.ProfileArn = from.ProfileArn;
        to.RoleArn = from.RoleArn;
        to.CertificatePath = from.CertificatePath;
        to.PrivateKeyPath = from.PrivateKeyPath;
        to.Endpoint = from.Endpoint;
        to.MaxRetries = from.MaxRetries;
    }
}
