using System.Security.Cryptography;
using RolesAnywhere.Credentials.Signing;

using RolesAnywhere.Credentials.KeySources.OpenSsl;

namespace RolesAnywhere.Credentials.KeySources;

/// <summary>
/// Opens private keys held by an OpenSSL 3 provider, such as the <c>tpm2</c> provider (package
/// <c>tpm2-openssl</c>) for keys that stay in a TPM 2.0: <c>Open("tpm2", "handle:0x81000001")</c> for a
/// persistent handle.
/// </summary>
/// <remarks>
/// Needs .NET 9 or later on Linux (<c>SafeEvpPKeyHandle.OpenKeyFromProvider</c>). The provider reads its
/// own settings from the environment, for example <c>TPM2OPENSSL_TCTI</c> (such as
/// <c>device:/dev/tpmrm0</c> or <c>swtpm:host=127.0.0.1,port=2321</c>).
/// </remarks>
public static class OpenSslProviderKey
{
    /// <summary>The OpenSSL provider that holds TPM 2.0 keys.</summary>
    public const string Tpm2Provider = "tpm2";

    /// <summary>Opens the key <paramref name="keyUri"/> from the provider <paramref name="providerName"/>.</summary>
    /// <param name="providerName">The OpenSSL provider, for example <see cref="Tpm2Provider"/>.</param>
    /// <param name="keyUri">The key as the provider's store names it, for example <c>handle:0x81000001</c>.</param>
    /// <returns>A key that signs through the provider; the private key never enters this process.</returns>
    /// <exception cref="ArgumentException"><paramref name="providerName"/> or <paramref name="keyUri"/> is null or empty.</exception>
    /// <exception cref="PlatformNotSupportedException">The runtime is older than .NET 9, or the OS has no OpenSSL 3.</exception>
    /// <exception cref="RolesAnywhereConfigurationException">The provider is missing, the key is not found, or it is not an RSA or EC key.</exception>
    public static ISigningKey Open(string providerName, string keyUri)
    {
        ArgumentException.ThrowIfNullOrEmpty(providerName);
        ArgumentException.ThrowIfNullOrEmpty(keyUri);
#if NET9_0_OR_GREATER
        if (OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() || OperatingSystem.IsIOS() || OperatingSystem.IsAndroid())
        {
            throw new PlatformNotSupportedException(
                $"OpenSSL provider keys ('{providerName}' provider, key '{keyUri}') need Linux with OpenSSL 3; on Windows use the certificate store (CertificateSelector).");
        }

        return new OpenSslProviderSigningKey(OpenCore(providerName, keyUri), providerName, keyUri);
#else
        throw new PlatformNotSupportedException(
            $"OpenSSL provider keys ('{providerName}' provider, key '{keyUri}') need .NET 9 or later (SafeEvpPKeyHandle.OpenKeyFromProvider); this application runs on the .NET 8 build of the library.");
#endif
    }

#if NET9_0_OR_GREATER
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("macos")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("ios")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("tvos")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("android")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("browser")]
    private static AsymmetricSigningKey OpenCore(string providerName, string keyUri)
    {
        SafeEvpPKeyHandle handle;
        try
        {
            handle = SafeEvpPKeyHandle.OpenKeyFromProvider(providerName, keyUri);
        }
        catch (CryptographicException ex)
        {
            throw new RolesAnywhereConfigurationException(
                $"The OpenSSL provider '{providerName}' could not open the key '{keyUri}': {ex.Message}. Check that the provider is installed (for TPM keys: Debian package tpm2-openssl), that the key exists (tpm2_getcap handles-persistent) and that the provider can reach the TPM (TPM2OPENSSL_TCTI).",
                ex);
        }

        using (handle)
        {
            // The wrappers duplicate the handle; the provider key itself never leaves the provider.
            try
            {
                return new AsymmetricSigningKey(new ECDsaOpenSsl(handle));
            }
            catch (CryptographicException)
            {
                // Not an EC key: try RSA below.
            }

            try
            {
                return new AsymmetricSigningKey(new RSAOpenSsl(handle));
            }
            catch (CryptographicException ex)
            {
                throw new RolesAnywhereConfigurationException(
                    $"The key '{keyUri}' from the OpenSSL provider '{providerName}' is neither RSA nor EC; IAM Roles Anywhere needs one of those.", ex);
            }
        }
    }
#endif
}
