using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.Pkcs11.Interop;

namespace RolesAnywhere.Credentials.Pkcs11;

/// <summary>Reads certificates stored on a PKCS#11 token, without their keys.</summary>
public static class Pkcs11Certificate
{
    /// <summary>
    /// Reads the certificate object that <paramref name="uri"/> names by label (<c>object</c>) and/or
    /// <c>CKA_ID</c> (<c>id</c>); when several match, the one that expires last. Certificates are usually public
    /// objects, so the token is logged into only when the URI (<c>pin-value</c>) or <see cref="Pkcs11SigningKeyOptions.Pin"/>
    /// gives a PIN; <see cref="Pkcs11SigningKeyOptions.PinCallback"/> is never asked.
    /// </summary>
    /// <param name="uri">An RFC 7512 URI, for example <c>pkcs11:token=MyToken;object=MyCert?module-path=/usr/lib/softhsm/libsofthsm2.so</c>.</param>
    /// <param name="options">The module path and PIN when the URI lacks them; <see langword="null"/> for none.</param>
    /// <returns>The certificate; the caller disposes it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="uri"/> is <see langword="null"/>.</exception>
    /// <exception cref="RolesAnywhereConfigurationException">The URI is malformed.</exception>
    /// <exception cref="RolesAnywherePkcs11Exception">
    /// No module is named or it cannot be loaded, no token or several tokens match, the PIN is wrong, the URI
    /// names no object, or no certificate matches (the message lists those present).
    /// </exception>
    public static X509Certificate2 Read(string uri, Pkcs11SigningKeyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var parsed = Pkcs11Uri.Parse(uri, "The PKCS#11 URI");
        var settings = new Pkcs11SigningKeyOptions { ModulePath = options?.ModulePath, Pin = options?.Pin };
        using var token = Pkcs11Token.Open(Pkcs11Module.Acquire(Pkcs11Module.PathFor(parsed, settings)), parsed, settings);
        return Pkcs11ObjectFinder.FindCertificate(token, parsed);
    }
}
