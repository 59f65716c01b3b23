using System.Net;
using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.KeySources;
using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials;

/// <summary>
/// Settings for <c>RolesAnywhereAWSCredentials</c>. Binds from configuration (section
/// <c>RolesAnywhere</c> by convention) with these property names.
/// </summary>
/// <remarks>
/// The certificate comes from exactly one source: <see cref="CertificatePath"/>,
/// <see cref="CertificateData"/> or <see cref="Certificate"/>; likewise the private key from
/// <see cref="PrivateKeyPath"/>, <see cref="PrivateKeyData"/> or <see cref="SigningKey"/> (a PEM file
/// holding both certificate and key, or a PKCS#12 file, needs no separate key).
/// </remarks>
public sealed class RolesAnywhereOptions
{
    /// <summary>Gets or sets the ARN of the trust anchor that issued the certificate. Required.</summary>
    public string? TrustAnchorArn { get; set; }

    /// <summary>Gets or sets the ARN of the Roles Anywhere profile. Required.</summary>
    public string? ProfileArn { get; set; }

    /// <summary>Gets or sets the ARN of the IAM role to assume. Required.</summary>
    public string? RoleArn { get; set; }

    /// <summary>Gets or sets the path of the certificate file (PEM, DER or PKCS#12).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Gets or sets the path of the private key file (PEM or DER; PKCS#1, SEC1, PKCS#8 or encrypted PKCS#8).</summary>
    public string? PrivateKeyPath { get; set; }

    /// <summary>Gets or sets the path of a PEM bundle of intermediate CA certificates, sent as <c>X-Amz-X509-Chain</c>.</summary>
    public string? IntermediatesPath { get; set; }

    /// <summary>Gets or sets the password of an encrypted private key or PKCS#12 file. Never logged.</summary>
    public string? PrivateKeyPassword { get; set; }

    /// <summary>Gets or sets the certificate inline, as PEM text or base64 DER, instead of <see cref="CertificatePath"/>.</summary>
    public string? CertificateData { get; set; }

    /// <summary>Gets or sets the private key inline, as PEM text or base64 DER, instead of <see cref="PrivateKeyPath"/>. Never logged.</summary>
    public string? PrivateKeyData { get; set; }

    /// <summary>Gets or sets the intermediate certificates inline, as PEM text, instead of <see cref="IntermediatesPath"/>.</summary>
    public string? IntermediatesData { get; set; }

    /// <summary>Gets or sets a certificate object to use instead of a file. Not bound from configuration.</summary>
    public X509Certificate2? Certificate { get; set; }

    /// <summary>Gets or sets intermediate certificates to use instead of a file. Not bound from configuration.</summary>
    public X509Certificate2Collection? Intermediates { get; set; }

    /// <summary>
    /// Gets or sets the key that signs requests, for keys that live in hardware or elsewhere. The
    /// credentials do not dispose a key given here. Not bound from configuration.
    /// </summary>
    public ISigningKey? SigningKey { get; set; }

    /// <summary>Gets or sets the region. Default: <see langword="null"/>, taken from <see cref="TrustAnchorArn"/>.</summary>
    public string? Region { get; set; }

    /// <summary>
    /// Gets or sets a custom endpoint (scheme, host and optional port) that replaces the one resolved
    /// from region and partition. Plain <c>http://</c> is accepted only for loopback addresses.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Gets or sets a value indicating whether to call the FIPS endpoint. Default: <see langword="false"/>.</summary>
    public bool UseFipsEndpoint { get; set; }

    /// <summary>Gets or sets a value indicating whether to call the dual-stack (IPv6) endpoint. Default: <see langword="false"/>.</summary>
    public bool UseDualStackEndpoint { get; set; }

    /// <summary>Gets or sets the lifetime of each session, 15 minutes to 12 hours. Default: 1 hour.</summary>
    public TimeSpan SessionDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Gets or sets the role session name (2 to 64 characters of <c>[\w+=,.@-]</c>); the profile must
    /// accept session names. Default: <see langword="null"/>, the service names the session after the certificate.
    /// </summary>
    public string? RoleSessionName { get; set; }

    /// <summary>Gets or sets the timeout of each HTTP attempt. Default: 30 seconds.</summary>
    public TimeSpan HttpTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets the total time one refresh may take, attempts and backoff included, so that a hung
    /// endpoint cannot hang the application (the SDK's credential calls take no cancellation token).
    /// Default: 60 seconds.
    /// </summary>
    public TimeSpan RefreshTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets how many times a throttled, failed (5xx) or unreachable request is retried. Default: 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>
    /// Gets or sets the proxy for CreateSession calls. Default: <see langword="null"/>, the system proxy
    /// (<c>HTTPS_PROXY</c>) is used. Not bound from configuration.
    /// </summary>
    public IWebProxy? Proxy { get; set; }

    /// <summary>
    /// Gets or sets the handler that sends CreateSession requests, for callers that manage their own
    /// HTTP stack. The credentials do not dispose it. Not bound from configuration.
    /// </summary>
    public HttpMessageHandler? HttpMessageHandler { get; set; }

    /// <summary>
    /// Gets the sources that open keys named by a reference in <see cref="PrivateKeyPath"/> that is not a
    /// file, such as PKCS#11 URIs (<c>options.UsePkcs11()</c> from <c>RolesAnywhere.Credentials.Pkcs11</c>
    /// adds one). TPM keys (<c>handle:0x81000001</c> or a TSS2 key file) are built in. Not bound from configuration.
    /// </summary>
    public IList<ISigningKeySource> SigningKeySources { get; } = new List<ISigningKeySource>();

    /// <summary>
    /// Gets or sets the selector of a certificate (with its private key) in an operating-system certificate
    /// store, in the official helper's syntax: <c>Key=x509Subject,Value=CN=app</c>, <c>Key=x509Issuer,Value=…</c>,
    /// <c>Key=x509Serial,Value=&lt;hex&gt;</c>, and <c>Key=thumbprint,Value=&lt;SHA-1 hex&gt;</c>, several separated by
    /// spaces (all must match), or <c>file://selector.json</c>. Replaces the certificate and key settings.
    /// Default: <see langword="null"/>.
    /// </summary>
    public string? CertificateSelector { get; set; }

    /// <summary>
    /// Gets or sets the certificate store to search with <see cref="CertificateSelector"/>; setting it alone
    /// selects the only usable certificate in that store. Default: <see langword="null"/>, meaning <c>My</c>.
    /// </summary>
    public string? CertificateStoreName { get; set; }

    /// <summary>
    /// Gets or sets the store location searched with <see cref="CertificateSelector"/>: <c>CurrentUser</c> or
    /// <c>LocalMachine</c> (Windows). Default: <see cref="StoreLocation.CurrentUser"/>.
    /// </summary>
    public StoreLocation CertificateStoreLocation { get; set; } = StoreLocation.CurrentUser;

    /// <summary>
    /// Gets or sets a value indicating whether, when several store certificates match
    /// <see cref="CertificateSelector"/>, the one that expires last is used (for renewal overlaps) instead of
    /// failing. Default: <see langword="false"/>.
    /// </summary>
    public bool UseLatestExpiringCertificate { get; set; }

    /// <summary>
    /// Gets the problems found while binding these options from text (a configuration section): unknown keys and
    /// malformed values, reported with the validation's own problems, all at once.
    /// </summary>
    internal List<string> BindingFailures { get; } = [];
}
