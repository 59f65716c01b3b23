using RolesAnywhere.Credentials.KeySources;
using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.Pkcs11;

/// <summary>Opens <c>pkcs11:</c> URIs given in <see cref="RolesAnywhereOptions.PrivateKeyPath"/>.</summary>
internal sealed class Pkcs11SigningKeySource(Pkcs11SigningKeyOptions options) : ISigningKeySource
{
    public Pkcs11SigningKeyOptions Options { get; } = options;

    public bool CanOpen(string keyReference) => Pkcs11Uri.IsPkcs11Uri(keyReference);

    public OpenedSigningKey Open(string keyReference, RolesAnywhereOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // A certificate URI different from the key URI picks the certificate object on the same token.
        string? certificateUri = Pkcs11Uri.IsPkcs11Uri(options.CertificatePath) &&
            !string.Equals(options.CertificatePath, keyReference, StringComparison.Ordinal)
            ? options.CertificatePath
            : null;
        var key = Pkcs11SigningKey.Open(keyReference, certificateUri, Options, nameof(RolesAnywhereOptions.PrivateKeyPath));
        bool certificateFromToken = options.Certificate is null && options.CertificateData is null &&
            (options.CertificatePath is null || Pkcs11Uri.IsPkcs11Uri(options.CertificatePath));
        if (certificateFromToken && key.Certificate is null)
        {
            key.Dispose();
            throw new RolesAnywherePkcs11Exception(
                $"The token holds no certificate for the key '{keyReference.Split('?')[0]}' (none with the key's CKA_ID). Store the certificate on the token with the same CKA_ID, or set CertificatePath to the certificate file.");
        }

        return new OpenedSigningKey(key, certificateFromToken ? key.Certificate : null);
    }
}
