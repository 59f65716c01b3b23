using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RolesAnywhere.Credentials.Identity.Decoding;

/// <summary>
/// Opens PKCS#12 (PFX) files, modern (AES, PBKDF2) or legacy (3DES, RC2), keeping their
/// certificates without private keys and their keys as separate objects, never persisted.
/// </summary>
internal static class Pkcs12Reader
{
    public static void Read(ReadOnlyMemory<byte> der, MaterialSource source, string? password, DecodedMaterial into)
    {
        using var collection = new CollectionScope(Load(der, source, password));
        foreach (var certificate in collection.Items)
        {
            if (certificate.HasPrivateKey)
            {
                into.Keys.Add(ExtractKey(certificate, source));
            }

            into.Certificates.Add(CertificateDecoder.FromDer(certificate.RawData, source));
        }
    }

    private static X509Certificate2Collection Load(ReadOnlyMemory<byte> der, MaterialSource source, string? password)
    {
        // Keys stay in memory only; macOS has no ephemeral key sets.
        var flags = OperatingSystem.IsMacOS() ? X509KeyStorageFlags.DefaultKeySet : X509KeyStorageFlags.EphemeralKeySet;
        try
        {
#if NET9_0_OR_GREATER
            return X509CertificateLoader.LoadPkcs12Collection(der.Span, password, flags, Pkcs12LoaderLimits.Defaults);
#else
            var collection = new X509Certificate2Collection();
            collection.Import(der.Span, password, flags);
            return collection;
#endif
        }
#if NET9_0_OR_GREATER
        catch (Pkcs12LoadLimitExceededException ex)
        {
            throw new RolesAnywhereConfigurationException(
                $"The PKCS#12 file in {source.Phrase} exceeds a safety limit ({ex.Message}). Export it again with `openssl pkcs12 -export` using default settings.", ex);
        }
#endif
        catch (CryptographicException ex) when (string.IsNullOrEmpty(password))
        {
            throw new RolesAnywhereConfigurationException(
                $"The PKCS#12 file in {source.Phrase} could not be opened without a password: it is password-protected, or damaged. Set {source.PasswordSetting} to its password.", ex);
        }
        catch (CryptographicException ex)
        {
            throw new RolesAnywhereConfigurationException(
                $"The PKCS#12 file in {source.Phrase} could not be opened with the password in {source.PasswordSetting}: the password is wrong, or the file is damaged. Check {source.PasswordSetting}.", ex);
        }
    }

    private static AsymmetricAlgorithm ExtractKey(X509Certificate2 certificate, MaterialSource source)
    {
        try
        {
            return (AsymmetricAlgorithm?)certificate.GetRSAPrivateKey()
                ?? certificate.GetECDsaPrivateKey()
                ?? throw PrivateKeyImporter.Unsupported(source, $"a {certificate.PublicKey.Oid.FriendlyName ?? certificate.PublicKey.Oid.Value} key");
        }
        catch (CryptographicException ex)
        {
            throw new RolesAnywhereConfigurationException(
                $"The private key in the PKCS#12 file in {source.Phrase} could not be read. Export the file again with `openssl pkcs12 -export`.", ex);
        }
    }

    /// <summary>Disposes every certificate of a loaded collection (they carry key handles).</summary>
    private readonly struct CollectionScope(X509Certificate2Collection items) : IDisposable
    {
        public X509Certificate2Collection Items { get; } = items;

        public void Dispose()
        {
            foreach (var certificate in Items)
            {
                certificate.Dispose();
            }
        }
    }
}
