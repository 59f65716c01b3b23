using System.Diagnostics.Metrics;
using Amazon.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RolesAnywhere.Credentials;
using RolesAnywhere.Credentials.Configuration;
using RolesAnywhere.Credentials.Diagnostics;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers IAM Roles Anywhere credentials with dependency injection.</summary>
public static class RolesAnywhereServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="RolesAnywhereAWSCredentials"/> (also as <see cref="AWSCredentials"/>), configured
    /// by <paramref name="configure"/> and validated at host start, and makes AWS SDK clients registered with
    /// <c>AddAWSService&lt;T&gt;()</c> use it. Calling it again adds to the configuration; the rest is registered once.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <remarks>
    /// An <c>AWSOptions</c> (<c>AddDefaultAWSOptions</c>) keeps its region and other settings and gets these
    /// credentials when it has none. Registered before this call, that holds everywhere; registered after it, it holds
    /// from host start on (a host whose <c>AWSOptions</c> factory makes a new instance per scope fails at start, naming
    /// the fix).
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddRolesAnywhereCredentials(this IServiceCollection services, Action<RolesAnywhereOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<RolesAnywhereOptions>().Configure(configure);
        return AddCore(services);
    }

    /// <summary>The configuration section <see cref="AddRolesAnywhereCredentials(IServiceCollection)"/> binds.</summary>
    public const string DefaultSectionName = "RolesAnywhere";

    /// <summary>
    /// Registers one <see cref="RolesAnywhereAWSCredentials"/> bound from the <c>RolesAnywhere</c> section of the
    /// application's <see cref="IConfiguration"/> (as <c>AddDefaultAWSOptions</c> reads the <c>AWS</c> section), with
    /// everything <see cref="AddRolesAnywhereCredentials(IServiceCollection, IConfiguration)"/> does.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <remarks>The section is read when the options are first needed (at host start); a container with no
    /// <see cref="IConfiguration"/> fails then, saying how to pass the section instead.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddRolesAnywhereCredentials(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IConfigureOptions<RolesAnywhereOptions>>(provider => new RolesAnywhereOptionsBinder(
            (provider.GetService<IConfiguration>() ?? throw new InvalidOperationException(
                $"AddRolesAnywhereCredentials() binds the '{DefaultSectionName}' section of the application's IConfiguration, and this container has none. Use a host builder (its configuration is registered), or pass the section: AddRolesAnywhereCredentials(configuration.GetSection(\"{DefaultSectionName}\")).")).GetSection(DefaultSectionName)));
        return AddCore(services);
    }

    /// <summary>
    /// Registers one <see cref="RolesAnywhereAWSCredentials"/> (also as <see cref="AWSCredentials"/>) bound from
    /// <paramref name="configuration"/> (by convention the <c>RolesAnywhere</c> section) and validated at host
    /// start, and makes AWS SDK clients registered with <c>AddAWSService&lt;T&gt;()</c> use it.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding the settings, named like the properties of <see cref="RolesAnywhereOptions"/>.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <remarks>
    /// An <c>AWSOptions</c> (<c>AddDefaultAWSOptions</c>) keeps its region and other settings and gets these
    /// credentials when it has none. Registered before this call, that holds everywhere; registered after it, it holds
    /// from host start on (a host whose <c>AWSOptions</c> factory makes a new instance per scope fails at start, naming
    /// the fix).
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configuration"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddRolesAnywhereCredentials(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<IConfigureOptions<RolesAnywhereOptions>>(new RolesAnywhereOptionsBinder(configuration));
        return AddCore(services);
    }

    private static IServiceCollection AddCore(IServiceCollection services)
    {
        // Validation is pure (no key is opened), so options cost nothing per scope; the key is opened once, by the
        // credentials, which RolesAnywhereStartup makes at host start, after the options were validated.
        services.AddOptions<RolesAnywhereOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RolesAnywhereOptions>, RolesAnywhereOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RolesAnywhereStartup>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(static sp => RolesAnywhereMetrics.Create(sp.GetService<IMeterFactory>()));
        services.TryAddSingleton(static sp => CreateCredentials(sp));
        services.TryAddSingleton<AWSCredentials>(static sp => sp.GetRequiredService<RolesAnywhereAWSCredentials>());
        AwsOptionsCredentials.Apply(services);
        return services;
    }

    private static RolesAnywhereAWSCredentials CreateCredentials(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptionsMonitor<RolesAnywhereOptions>>().CurrentValue;
        var timeProvider = provider.GetRequiredService<TimeProvider>();
        var telemetry = CreateSessionTelemetry.For(
            options,
            provider.GetService<ILoggerFactory>()?.CreateLogger(RolesAnywhereTelemetry.Name),
            provider.GetRequiredService<RolesAnywhereMetrics>(),
            timeProvider);
        return new RolesAnywhereAWSCredentials(options, timeProvider, httpMessageHandler: null, telemetry);
    }
}
