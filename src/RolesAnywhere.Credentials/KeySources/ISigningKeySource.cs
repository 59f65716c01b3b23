namespace RolesAnywhere.Credentials.KeySources;

/// <summary>
/// Opens a signing key named by a reference in <see cref="RolesAnywhereOptions.PrivateKeyPath"/> that is
/// not a key file, such as a PKCS#11 URI (<c>pkcs11:token=…;object=…</c>). Packages that add key stores
/// implement this and register it in <see cref="RolesAnywhereOptions.SigningKeySources"/> (for example
/// <c>options.UsePkcs11()</c> or <c>services.AddRolesAnywherePkcs11()</c> from
/// <c>RolesAnywhere.Credentials.Pkcs11</c>).
/// </summary>
public interface ISigningKeySource
{
    /// <summary>Returns whether this source opens the key named by <paramref name="keyReference"/>.</summary>
    /// <param name="keyReference">The value of <see cref="RolesAnywhereOptions.PrivateKeyPath"/>.</param>
    /// <returns><see langword="true"/> when <see cref="Open"/> should be called with this reference.</returns>
    bool CanOpen(string keyReference);

    /// <summary>Opens the key, and the certificate stored with it when the store keeps one.</summary>
    /// <param name="keyReference">The value of <see cref="RolesAnywhereOptions.PrivateKeyPath"/>.</param>
    /// <param name="options">The options, for related settings such as <see cref="RolesAnywhereOptions.CertificatePath"/>.</param>
    /// <returns>The opened key; the caller disposes it.</returns>
    /// <exception cref="RolesAnywhereConfigurationException">The key cannot be found or opened; the message says why.</exception>
    OpenedSigningKey Open(string keyReference, RolesAnywhereOptions options);
}
