using System.Diagnostics.Metrics;
using Amazon.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
    /// An <c>AWSOptions</c> registered before this call (<c>AddDefaultAWSOptions</c>) keeps its region and other
    /// settings and gets these credentials when it has none; register it before calling this method.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddRolesAnywhereCredentials(this IServiceCollection services, Action<RolesAnywhereOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<RolesAnywhereOptions>().Configure(configure);
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
    /// An <c>AWSOptions</c> registered before this call (<c>AddDefaultAWSOptions</c>) keeps its region and other
    /// settings and gets these credentials when it has none; register it before calling this method.
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
        services.AddOptions<RolesAnywhereOptions>().ValidateOnStart();
        services.TryAddSingleton<ValidatedIdentityHandoff>();

        // IOptions<T> would build (and validate: open the key) an instance of its own; hand out the one the
        // monitor validated at start instead, so that an application reading the options costs no token login.
        services.TryAddSingleton(static sp => Options.Options.Create(sp.GetRequiredService<IOptionsMonitor<RolesAnywhereOptions>>().CurrentValue));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RolesAnywhereOptions>, RolesAnywhereOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(static sp => RolesAnywhereMetrics.Create(sp.GetService<IMeterFactory>()));
        services.TryAddSingleton(static sp => CreateCredentials(sp));
        services.TryAddSingleton<AWSCredentials>(static sp => sp.GetRequiredService<RolesAnywhereAWSCredentials>());
        AwsOptionsCredentials.Apply(services);
        return services;
    }

    private static RolesAnywhereAWSCredentials CreateCredentials(IServiceProvider provider)
    {
        // The monitor's instance is the one validated at host start (IOptions<T> would make and validate another):
        // the identity loaded then, its key opened, is taken over instead of being loaded again.
        var options = provider.GetRequiredService<IOptionsMonitor<RolesAnywhereOptions>>().CurrentValue;
        var timeProvider = provider.GetRequiredService<TimeProvider>();
        var telemetry = CreateSessionTelemetry.For(
            options,
            provider.GetService<ILoggerFactory>()?.CreateLogger(RolesAnywhereTelemetry.Name),
            provider.GetRequiredService<RolesAnywhereMetrics>(),
            timeProvider);
        var prepared = provider.GetRequiredService<ValidatedIdentityHandoff>().Take(options);
        return new RolesAnywhereAWSCredentials(options, timeProvider, httpMessageHandler: null, telemetry, prepared);
    }
}
