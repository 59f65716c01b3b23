namespace RolesAnywhere.Credentials.Renewal;

/// <summary>Settings of <see cref="CertificateRenewer"/>: the files to renew, the CA, when to renew and what to check.</summary>
public sealed class CertificateRenewalOptions
{
    /// <summary>The default of <see cref="RenewAt"/>: renew once two thirds of the lifetime have passed.</summary>
    public const double DefaultRenewAt = 2.0 / 3.0;

    /// <summary>The default of <see cref="Jitter"/>: up to 5 % of the lifetime earlier or later.</summary>
    public const double DefaultJitter = 0.05;

    /// <summary>Gets or sets the path of the PEM or DER certificate file to renew (replaced in place). Required.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Gets or sets the path of the private key file (replaced in place by a new key, PKCS#8). Required; keys in PKCS#11 tokens or TPMs are refused.</summary>
    public string? PrivateKeyPath { get; set; }

    /// <summary>Gets or sets the path of the PEM bundle of intermediate CA certificates, rewritten when the CA returns a chain; optional.</summary>
    public string? IntermediatesPath { get; set; }

    /// <summary>Gets or sets the password of the current key; the new key is written encrypted with it (PBES2, AES-256, PBKDF2-SHA-256). Never logged.</summary>
    public string? PrivateKeyPassword { get; set; }

    /// <summary>
    /// Gets or sets the CA that signs the new certificate. Required, except with <c>AddCertificateRenewal</c>, which then
    /// takes the <see cref="ICertificateIssuer"/> service. A <see cref="CertificateRenewer"/> never disposes it; the host
    /// of <c>AddCertificateRenewal</c> disposes one its configure callback sets.
    /// </summary>
    public ICertificateIssuer? Issuer { get; set; }

    /// <summary>Gets or sets the fraction of the certificate's lifetime after which it is due (0 to 1, exclusive).</summary>
    /// <value>Two thirds: renew with one third of the lifetime left.</value>
    public double RenewAt { get; set; } = DefaultRenewAt;

    /// <summary>
    /// Gets or sets how far, as a fraction of the lifetime, the due time moves earlier or later (0 to 0.2), so that
    /// certificates issued together are not renewed together. The offset is derived from the certificate itself:
    /// stable for one certificate, spread over a fleet.
    /// </summary>
    /// <value>0.05.</value>
    public double Jitter { get; set; } = DefaultJitter;

    /// <summary>Gets or sets the kind of the new key.</summary>
    /// <value><see cref="RenewalKeyAlgorithm.Same"/>: the algorithm and size of the current key.</value>
    public RenewalKeyAlgorithm KeyAlgorithm { get; set; }

    /// <summary>
    /// Gets or sets the path of the trust anchor's CA certificate (PEM or DER); when set, the new certificate must chain
    /// to it. When not set, the new certificate must come from the current certificate's issuer (same name and key),
    /// unless <see cref="AcceptIssuerChange"/> is set.
    /// </summary>
    public string? TrustAnchorCertificatePath { get; set; }

    /// <summary>
    /// Gets or sets whether a certificate may be installed when what IAM would see of it differs from the current one:
    /// its source identity or principal tags, as IAM Roles Anywhere's default attribute mapping derives them (a tag
    /// changed, even in case, dropped, added or reordered). The changes are reported either way. Off by default: trust
    /// policies match on exactly these.
    /// </summary>
    public bool AcceptIdentityChanges { get; set; }

    /// <summary>
    /// Gets or sets whether, without <see cref="TrustAnchorCertificatePath"/>, a certificate from another issuer than
    /// the current certificate's (another name, or another key) may be installed; the change is reported either way.
    /// Off by default: the current certificate's issuer is pinned, so a mistyped CA address cannot install a
    /// certificate the trust anchor does not trust.
    /// </summary>
    public bool AcceptIssuerChange { get; set; }

    /// <summary>Gets or sets how long to wait for another renewer of the same files to finish.</summary>
    /// <value>Two minutes.</value>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromMinutes(2);
}
