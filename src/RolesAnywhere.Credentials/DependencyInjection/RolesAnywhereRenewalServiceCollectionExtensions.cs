using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RolesAnywhere.Credentials;
using RolesAnywhere.Credentials.Diagnostics;
using RolesAnywhere.Credentials.Renewal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the renewal of the certificate the IAM Roles Anywhere credentials sign with.</summary>
public static class RolesAnywhereRenewalServiceCollectionExtensions
{
    /// <summary>
    /// Registers a hosted service that keeps the certificate and key files of <c>AddRolesAnywhereCredentials</c> renewed
    /// (<see cref="CertificateRenewer.RunAsync"/>): when due, a new key and certificate are issued by
    /// <see cref="CertificateRenewalOptions.Issuer"/>, checked, proven with one CreateSession and swapped in, and the
    /// credentials switch to them at once. Failures are retried with backoff; the <c>AddRolesAnywhere()</c> health check
    /// reports them (<c>Degraded</c> while the certificate is still valid, <c>Unhealthy</c> once it expired), and the
    /// <c>rolesanywhere.renewals</c> counter counts every renewal by outcome.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">
    /// Sets the renewal options. <see cref="CertificateRenewalOptions.CertificatePath"/>,
    /// <see cref="CertificateRenewalOptions.PrivateKeyPath"/>, <see cref="CertificateRenewalOptions.IntermediatesPath"/>
    /// and <see cref="CertificateRenewalOptions.PrivateKeyPassword"/> default to those of the credentials.
    /// </param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <remarks>
    /// <para>The renewer is made at host start: a missing or invalid setting fails the start with a <see cref="CertificateRenewalException"/> listing every problem.</para>
    /// <para>
    /// The issuer: <see cref="CertificateRenewalOptions.Issuer"/> as <paramref name="configure"/> sets it, which then
    /// belongs to the host (a disposable one, such as a <see cref="CfsslCertificateIssuer"/>, is disposed with the host);
    /// or, when <paramref name="configure"/> sets none, the <see cref="ICertificateIssuer"/> service, disposed by the
    /// container's own rules (an instance you register stays yours).
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddCertificateRenewal(this IServiceCollection services, Action<CertificateRenewalOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<CertificateRenewalOptions>().Configure(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(static sp => RolesAnywhereMetrics.Create(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton<RenewalIssuerOwner>();
        services.TryAddSingleton(static sp => CreateRenewer(sp));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CertificateRenewalService>());
        return services;
    }

    private static CertificateRenewer CreateRenewer(IServiceProvider provider)
    {
        var configured = provider.GetRequiredService<IOptions<CertificateRenewalOptions>>().Value;
        var credentials = provider.GetService<RolesAnywhereAWSCredentials>();
        var files = credentials is null ? null : provider.GetRequiredService<IOptionsMonitor<RolesAnywhereOptions>>().CurrentValue;
        var options = new CertificateRenewalOptions
        {
            CertificatePath = configured.CertificatePath ?? files?.CertificatePath,
            PrivateKeyPath = configured.PrivateKeyPath ?? files?.PrivateKeyPath,
            IntermediatesPath = configured.IntermediatesPath ?? files?.IntermediatesPath,
            PrivateKeyPassword = configured.PrivateKeyPassword ?? files?.PrivateKeyPassword,
            Issuer = provider.GetRequiredService<RenewalIssuerOwner>().Issuer ?? provider.GetService<ICertificateIssuer>(),
            RenewAt = configured.RenewAt,
            Jitter = configured.Jitter,
            KeyAlgorithm = configured.KeyAlgorithm,
            TrustAnchorCertificatePath = configured.TrustAnchorCertificatePath,
            AcceptIdentityChanges = configured.AcceptIdentityChanges,
            AcceptIssuerChange = configured.AcceptIssuerChange,
            LockTimeout = configured.LockTimeout,
        };
        return new CertificateRenewer(
            options,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILoggerFactory>()?.CreateLogger(RolesAnywhereTelemetry.Name),
            credentials,
            provider.GetRequiredService<RolesAnywhereMetrics>());
    }
}
