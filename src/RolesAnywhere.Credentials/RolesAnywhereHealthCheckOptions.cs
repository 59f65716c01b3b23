namespace RolesAnywhere.Credentials;

/// <summary>Settings of the Roles Anywhere health check.</summary>
public sealed class RolesAnywhereHealthCheckOptions
{
    /// <summary>
    /// Gets or sets how long before the certificate's expiry the check reports
    /// <c>Degraded</c>, so there is time to renew it. Default: 14 days.
    /// </summary>
    public TimeSpan CertificateExpiryWarning { get; set; } = TimeSpan.FromDays(14);
}
