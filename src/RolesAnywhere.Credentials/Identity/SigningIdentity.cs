using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.Identity.Decoding;
using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.Identity;

/// <summary>
/// A certificate, its intermediate CA certificates and the private key that signs IAM Roles Anywhere
/// requests, loaded from the forms users have (PEM, DER, PKCS#12, inline text) and checked to belong
/// together and to be valid now.
/// </summary>
/// <remarks>
/// <para>
/// Accepted forms: PEM with PKCS#1, SEC1, PKCS#8 or encrypted PKCS#8 keys (PBES2 with AES or 3DES and
/// PBKDF2-HMAC-SHA1 or SHA-2, as exported by AWS Certificate Manager and <c>openssl pkcs8</c>); DER
/// certificates and keys; PKCS#12 files with or without a password, modern or legacy; one PEM holding
/// both certificate and key; PEM with <c>openssl x509 -text</c> output around the blocks; bare base64 DER.
/// </para>
/// <para>
/// Key bytes read from files are zeroed once imported. <see cref="ToString"/> shows only public data.
/// Disposing the identity disposes the key it loaded and the certificates it created.
/// </para>
/// </remarks>
internal sealed class SigningIdentity : IDisposable
{
    private const string PasswordParameter = "password";

    private readonly bool _ownsKey;
    private readonly X509Certificate2[] _ownedCertificates;

    internal SigningIdentity(X509Certificate2 certificate, X509Certificate2Collection intermediates, ISigningKey signingKey, bool ownsKey, X509Certificate2[] ownedCertificates)
    {
        Certificate = certificate;
        Intermediates = intermediates;
        SigningKey = signingKey;
        _ownsKey = ownsKey;
        _ownedCertificates = ownedCertificates;
    }

    /// <summary>Gets the leaf (end-entity) certificate, sent as <c>X-Amz-X509</c>.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Gets the intermediate CA certificates, leaf and self-signed roots excluded, sent as <c>X-Amz-X509-Chain</c>; may be empty.</summary>
    public X509Certificate2Collection Intermediates { get; }

    /// <summary>Gets the key that signs requests; it belongs to <see cref="Certificate"/>.</summary>
    public ISigningKey SigningKey { get; }

    /// <summary>Loads an identity from files, exactly as <see cref="RolesAnywhereOptions"/> with the same paths would.</summary>
    /// <param name="certificatePath">A PEM, DER or PKCS#12 file with the certificate (and possibly the key and intermediates); <see cref="RolesAnywhereOptions.CertificatePath"/>.</param>
    /// <param name="privateKeyPath">A PEM or DER private key file, or <see langword="null"/> when <paramref name="certificatePath"/> holds the key; <see cref="RolesAnywhereOptions.PrivateKeyPath"/>.</param>
    /// <param name="intermediatesPath">A PEM bundle of intermediate CA certificates, or <see langword="null"/>; <see cref="RolesAnywhereOptions.IntermediatesPath"/>.</param>
    /// <param name="password">The password of an encrypted key or PKCS#12 file, or <see langword="null"/>; <see cref="RolesAnywhereOptions.PrivateKeyPassword"/>.</param>
    /// <returns>The validated identity; dispose it when done.</returns>
    /// <exception cref="ArgumentException"><paramref name="certificatePath"/> is <see langword="null"/> or empty.</exception>
    /// <exception cref="RolesAnywhereConfigurationException">A file is missing, unreadable or not in a supported form; the password is missing or wrong; the key does not belong to the certificate; the certificate is expired, not yet valid or not usable with IAM Roles Anywhere. Messages name the equivalent <see cref="RolesAnywhereOptions"/> settings.</exception>
    public static SigningIdentity FromFiles(string certificatePath, string? privateKeyPath = null, string? intermediatesPath = null, string? password = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(certificatePath);
        return SigningIdentityLoader.Load(
            new RolesAnywhereOptions
            {
                CertificatePath = certificatePath,
                PrivateKeyPath = privateKeyPath,
                IntermediatesPath = intermediatesPath,
                PrivateKeyPassword = password,
            },
            TimeProvider.System);
    }

    /// <summary>Loads an identity from PEM text or base64 DER (certificate, key and PKCS#12 alike).</summary>
    /// <param name="certificate">The certificate as PEM (possibly with the key and intermediates) or base64 DER/PKCS#12.</param>
    /// <param name="privateKey">The private key as PEM or base64 DER; <see langword="null"/> when <paramref name="certificate"/> holds the key.</param>
    /// <param name="intermediates">Intermediate CA certificates as PEM, or <see langword="null"/>.</param>
    /// <param name="password">The password of an encrypted key or PKCS#12 value, or <see langword="null"/>.</param>
    /// <returns>The validated identity; dispose it when done.</returns>
    /// <exception cref="ArgumentException"><paramref name="certificate"/> is <see langword="null"/> or empty.</exception>
    /// <exception cref="RolesAnywhereConfigurationException">A value is not in a supported form; the password is missing or wrong; the key does not belong to the certificate; the certificate is expired, not yet valid or not usable with IAM Roles Anywhere.</exception>
    public static SigningIdentity FromPem(string certificate, string? privateKey = null, string? intermediates = null, string? password = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(certificate);
        return FromSpec(
            MaterialInput.Text(nameof(certificate), certificate, PasswordParameter),
            IdentitySpec.Input(nameof(privateKey), null, nameof(privateKey), privateKey, PasswordParameter),
            IdentitySpec.Input(nameof(intermediates), null, nameof(intermediates), intermediates, PasswordParameter),
            password);
    }

    /// <summary>Loads an identity from file contents already in memory: PEM, DER or PKCS#12 bytes.</summary>
    /// <param name="certificate">The certificate bytes (possibly with the key and intermediates).</param>
    /// <param name="privateKey">The private key bytes; <see langword="null"/> when <paramref name="certificate"/> holds the key. Not modified.</param>
    /// <param name="intermediates">Intermediate CA certificates (PEM or DER), or <see langword="null"/>.</param>
    /// <param name="password">The password of an encrypted key or PKCS#12 value, or <see langword="null"/>.</param>
    /// <returns>The validated identity; dispose it when done.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="certificate"/> is <see langword="null"/>.</exception>
    /// <exception cref="RolesAnywhereConfigurationException">The bytes are not in a supported form; the password is missing or wrong; the key does not belong to the certificate; the certificate is expired, not yet valid or not usable with IAM Roles Anywhere.</exception>
    public static SigningIdentity FromBytes(byte[] certificate, byte[]? privateKey = null, byte[]? intermediates = null, string? password = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return FromSpec(
            MaterialInput.Bytes(nameof(certificate), certificate, PasswordParameter),
            privateKey is null ? null : MaterialInput.Bytes(nameof(privateKey), privateKey, PasswordParameter),
            intermediates is null ? null : MaterialInput.Bytes(nameof(intermediates), intermediates, PasswordParameter),
            password);
    }

    /// <summary>Disposes the key (unless it was supplied by the caller) and the certificates this identity created.</summary>
    public void Dispose()
    {
        if (_ownsKey)
        {
            SigningKey.Dispose();
        }

        foreach (var certificate in _ownedCertificates)
        {
            certificate.Dispose();
        }
    }

    /// <summary>Describes the identity with public data only: subject, serial number, expiry, key and chain length.</summary>
    /// <returns>For example <c>SigningIdentity(Subject=CN=workload, Serial=0A1B, NotAfter=2027-01-01T00:00:00Z, Key=Rsa, Intermediates=1)</c>.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"SigningIdentity(Subject={Certificate.Subject}, Serial={Certificate.SerialNumber}, NotAfter={CertificateProfile.Format(new DateTimeOffset(Certificate.NotAfter.ToUniversalTime()))}, Key={SigningKey.Algorithm}, Intermediates={Intermediates.Count})");

    private static SigningIdentity FromSpec(MaterialInput certificate, MaterialInput? key, MaterialInput? intermediates, string? password) =>
        SigningIdentityLoader.Build(
            new IdentitySpec
            {
                Certificate = certificate,
                Key = key,
                Intermediates = intermediates,
                Password = string.IsNullOrEmpty(password) ? null : password,
            },
            TimeProvider.System);
}
