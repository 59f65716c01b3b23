using System.Security.Cryptography.X509Certificates;

namespace RolesAnywhere.Credentials.Authorization.Certificates;

/// <summary>What to check a certificate with: its intermediates, the trust anchor's certificate, a CRL, and the clock.</summary>
public sealed class CertificateCheckOptions
{
    /// <summary>Gets the intermediate CA certificates sent with the certificate (the <c>X-Amz-X509-Chain</c>).</summary>
    /// <value>Defaults to none.</value>
    public IReadOnlyList<X509Certificate2> Intermediates { get; init; } = [];

    /// <summary>Gets the trust anchor's CA certificate; without it the chain is not built.</summary>
    public X509Certificate2? TrustAnchor { get; init; }

    /// <summary>Gets a certificate revocation list (DER or PEM) as imported into the trust anchor, or <see langword="null"/>.</summary>
    public byte[]? RevocationList { get; init; }

    /// <summary>Gets the clock that decides validity.</summary>
    /// <value>Defaults to <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Gets how close to expiry a certificate draws a warning.</summary>
    /// <value>Defaults to 14 days.</value>
    public TimeSpan ExpiryWarning { get; init; } = TimeSpan.FromDays(14);
}
