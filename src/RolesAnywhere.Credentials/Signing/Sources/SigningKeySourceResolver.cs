using RolesAnywhere.Credentials.CertificateStores;

namespace RolesAnywhere.Credentials.Signing;

/// <summary>
/// The one place the key loader asks whether the options name a key that is not a file: a certificate
/// store selection, a key reference a registered <see cref="ISigningKeySource"/> opens (such as
/// <c>pkcs11:</c>), or a TPM key (<c>handle:0x81000001</c>, a TSS2 key file).
/// </summary>
internal static class SigningKeySourceResolver
{
    private const string Pkcs11Scheme = "pkcs11:";

    /// <summary>
    /// Opens the key (and the certificate kept with it, if any) the options name by reference, or returns
    /// <see langword="null"/> when they name ordinary key material (files, inline data, objects).
    /// </summary>
    /// <exception cref="RolesAnywhereConfigurationException">The reference cannot be opened, or needs a package that is not registered.</exception>
    public static OpenedSigningKey? TryOpen(RolesAnywhereOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.SigningKey is not null)
        {
            return null;
        }

        if (CertificateStoreKeySource.IsConfigured(options))
        {
            return CertificateStoreKeySource.Open(options, timeProvider);
        }

        // Like the official helper, a pkcs11: certificate alone names the token for the key as well.
        string? reference = options.PrivateKeyPath ??
            (IsPkcs11(options.CertificatePath) ? options.CertificatePath : null);
        if (reference is null)
        {
            return null;
        }

        foreach (var source in options.SigningKeySources)
        {
            if (source.CanOpen(reference))
            {
                return source.Open(reference, options);
            }
        }

        if (IsPkcs11(reference))
        {
            throw new RolesAnywhereConfigurationException(
                "PrivateKeyPath is a PKCS#11 URI (pkcs11:…), but PKCS#11 support is not registered. Add the RolesAnywhere.Credentials.Pkcs11 package and call options.UsePkcs11() or services.AddRolesAnywherePkcs11().");
        }

        return OpenSslKeySource.CanOpen(reference) ? OpenSslKeySource.Open(reference) : null;
    }

    /// <summary>Returns whether the certificate comes from a key reference, so the file loader must not read <see cref="RolesAnywhereOptions.CertificatePath"/>.</summary>
    public static bool IsCertificateReference(string? certificatePath) => IsPkcs11(certificatePath);

    private static bool IsPkcs11(string? value) =>
        value is not null && value.StartsWith(Pkcs11Scheme, StringComparison.OrdinalIgnoreCase);
}
