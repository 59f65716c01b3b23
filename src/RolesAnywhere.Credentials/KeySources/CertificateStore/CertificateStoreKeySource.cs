using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography;
using RolesAnywhere.Credentials.KeySources;
using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.KeySources.CertificateStore;

/// <summary>
/// Opens the certificate and private key selected by <see cref="RolesAnywhereOptions.CertificateSelector"/>
/// from an <see cref="X509Store"/>. The key stays where the store keeps it: on Windows a CNG key
/// (<c>RSACng</c>/<c>ECDsaCng</c>, non-exportable keys included); ECDSA signatures are requested in DER form.
/// </summary>
internal static class CertificateStoreKeySource
{
    public const string DefaultStoreName = "My";

    public static bool IsConfigured(RolesAnywhereOptions options) =>
        options.CertificateSelector is not null || options.CertificateStoreName is not null;

    /// <exception cref="RolesAnywhereConfigurationException">The store cannot be opened, or no single usable certificate matches.</exception>
    public static OpenedSigningKey Open(RolesAnywhereOptions options, TimeProvider timeProvider)
    {
        var selector = CertificateSelector.Parse(options.CertificateSelector);
        string storeName = options.CertificateStoreName ?? DefaultStoreName;
        var location = options.CertificateStoreLocation;
        string description = $"{location}\\{storeName}";
        if (location == StoreLocation.LocalMachine && !OperatingSystem.IsWindows() &&
            !string.Equals(storeName, "Root", StringComparison.OrdinalIgnoreCase) &&
            !string.Equals(storeName, "CA", StringComparison.OrdinalIgnoreCase))
        {
            throw new RolesAnywhereConfigurationException(
                $"CertificateStoreLocation LocalMachine with store '{storeName}' exists only on Windows; on this OS use CurrentUser, or give the certificate and key as files (CertificatePath, PrivateKeyPath).");
        }

        using var store = new X509Store(storeName, location);
        try
        {
            store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
        }
        catch (CryptographicException ex)
        {
            throw new RolesAnywhereConfigurationException(
                $"The certificate store {description} could not be opened: {ex.Message}. Check CertificateStoreName and CertificateStoreLocation.", ex);
        }

        var certificates = store.Certificates;
        try
        {
            var selection = CertificateStoreSelection.Select(
                certificates, selector, options.UseLatestExpiringCertificate, timeProvider.GetUtcNow(), description);
            var certificate = new X509Certificate2(selection.Certificate);
            try
            {
                return new OpenedSigningKey(OpenKey(certificate, description), certificate);
            }
            catch
            {
                certificate.Dispose();
                throw;
            }
        }
        finally
        {
            foreach (var certificate in certificates)
            {
                certificate.Dispose();
            }
        }
    }

    private static AsymmetricSigningKey OpenKey(X509Certificate2 certificate, string description)
    {
        try
        {
            if (certificate.GetRSAPrivateKey() is { } rsa)
            {
                return new AsymmetricSigningKey(rsa);
            }

            if (certificate.GetECDsaPrivateKey() is { } ecdsa)
            {
                return new AsymmetricSigningKey(ecdsa);
            }
        }
        catch (CryptographicException ex)
        {
            throw new RolesAnywhereConfigurationException(
                $"The private key of {CertificateStoreSelection.Describe(certificate)} in the {description} store could not be opened: {ex.Message}. Check that this account may use the key.", ex);
        }

        throw new RolesAnywhereConfigurationException(
            $"The key of {CertificateStoreSelection.Describe(certificate)} in the {description} store is neither RSA nor ECDSA; IAM Roles Anywhere needs one of those.");
    }
}
