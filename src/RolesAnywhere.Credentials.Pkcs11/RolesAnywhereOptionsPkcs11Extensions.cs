using RolesAnywhere.Credentials.Pkcs11;

namespace RolesAnywhere.Credentials;

/// <summary>Makes <c>pkcs11:</c> URIs usable in <see cref="RolesAnywhereOptions.PrivateKeyPath"/>.</summary>
public static class RolesAnywhereOptionsPkcs11Extensions
{
    /// <summary>
    /// Registers PKCS#11 support so that a <c>pkcs11:</c> URI in <see cref="RolesAnywhereOptions.PrivateKeyPath"/>
    /// (and optionally <see cref="RolesAnywhereOptions.CertificatePath"/>) opens a key on a token. A second
    /// call replaces the settings of the first.
    /// </summary>
    /// <param name="options">The options to extend.</param>
    /// <param name="configure">Sets the module path, PIN or PIN callback used when the URI lacks them; <see langword="null"/> for none.</param>
    /// <returns><paramref name="options"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public static RolesAnywhereOptions UsePkcs11(this RolesAnywhereOptions options, Action<Pkcs11SigningKeyOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = new Pkcs11SigningKeyOptions();
        configure?.Invoke(settings);
        for (int i = options.SigningKeySources.Count - 1; i >= 0; i--)
        {
            if (options.SigningKeySources[i] is Pkcs11SigningKeySource)
            {
                options.SigningKeySources.RemoveAt(i);
            }
        }

        options.SigningKeySources.Add(new Pkcs11SigningKeySource(settings));
        return options;
    }

    /// <summary>
    /// Sets <see cref="RolesAnywhereOptions.PrivateKeyPath"/> to <paramref name="uri"/> and registers PKCS#11 support.
    /// </summary>
    /// <param name="options">The options to extend.</param>
    /// <param name="uri">The RFC 7512 URI of the key, for example <c>pkcs11:token=MyToken;object=MyKey?module-path=…</c>.</param>
    /// <param name="configure">Sets the module path, PIN or PIN callback used when the URI lacks them; <see langword="null"/> for none.</param>
    /// <returns><paramref name="options"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="uri"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="uri"/> does not start with <c>pkcs11:</c>.</exception>
    public static RolesAnywhereOptions UsePkcs11(this RolesAnywhereOptions options, string uri, Action<Pkcs11SigningKeyOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(uri);
        if (!Pkcs11Uri.IsPkcs11Uri(uri))
        {
            throw new ArgumentException("A PKCS#11 key URI starts with 'pkcs11:'.", nameof(uri));
        }

        options.PrivateKeyPath = uri;
        return options.UsePkcs11(configure);
    }
}
