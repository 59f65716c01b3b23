using Microsoft.Extensions.Diagnostics.HealthChecks;
using RolesAnywhere.Credentials;
using RolesAnywhere.Credentials.Diagnostics;
using RolesAnywhere.Credentials.HealthChecks;
using RolesAnywhere.Credentials.Renewal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the IAM Roles Anywhere health check.</summary>
public static class RolesAnywhereHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a check of the credentials registered with <c>AddRolesAnywhereCredentials</c>: <c>Healthy</c> with valid
    /// credentials; <c>Degraded</c> when the certificate expires within
    /// <see cref="RolesAnywhereHealthCheckOptions.CertificateExpiryWarning"/> (default 14 days) or the last refresh
    /// failed while the previous credentials are still valid; <c>Unhealthy</c> when no valid credentials can be had.
    /// With <c>AddCertificateRenewal</c>, the renewal replaces the expiry warning: <c>Degraded</c> with the cause while
    /// renewal fails and the certificate is still valid, <c>Unhealthy</c> once it expired.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The name of the check. Default: <c>rolesanywhere</c>.</param>
    /// <param name="configure">Changes the check's settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="tags">Tags to filter checks by, or <see langword="null"/>.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="name"/> is <see langword="null"/>.</exception>
    public static IHealthChecksBuilder AddRolesAnywhere(
        this IHealthChecksBuilder builder,
        string name = "rolesanywhere",
        Action<RolesAnywhereHealthCheckOptions>? configure = null,
        IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(name);
        var options = new RolesAnywhereHealthCheckOptions();
        configure?.Invoke(options);
        return builder.Add(new HealthCheckRegistration(
            name,
            sp =>
            {
                var credentials = sp.GetRequiredService<RolesAnywhereAWSCredentials>();
                return new RolesAnywhereHealthCheck(credentials, credentials.Client.Observer as ICredentialState, options, sp.GetService<TimeProvider>() ?? TimeProvider.System, sp.GetService<CertificateRenewer>());
            },
            failureStatus: HealthStatus.Unhealthy,
            tags));
    }
}
