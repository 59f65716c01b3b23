using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.KeySources;

/// <summary>
/// A key opened by an <see cref="ISigningKeySource"/> or from a certificate store, with the certificate
/// found next to it, if any. Disposing it disposes both.
/// </summary>
public sealed class OpenedSigningKey : IDisposable
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="signingKey">The key; owned by this instance from now on.</param>
    /// <param name="certificate">The certificate stored with the key, or <see langword="null"/>; owned by this instance.</param>
    /// <exception cref="ArgumentNullException"><paramref name="signingKey"/> is <see langword="null"/>.</exception>
    public OpenedSigningKey(ISigningKey signingKey, X509Certificate2? certificate)
    {
        ArgumentNullException.ThrowIfNull(signingKey);
        SigningKey = signingKey;
        Certificate = certificate;
    }

    /// <summary>Gets the key that signs requests.</summary>
    public ISigningKey SigningKey { get; }

    /// <summary>
    /// Gets the certificate found with the key (on the token, in the store), or <see langword="null"/>
    /// when the certificate must come from <see cref="RolesAnywhereOptions.CertificatePath"/> or another setting.
    /// </summary>
    public X509Certificate2? Certificate { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        SigningKey.Dispose();
        Certificate?.Dispose();
    }
}
