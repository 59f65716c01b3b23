namespace RolesAnywhere.Credentials.Pkcs11;

/// <summary>Settings for opening a key on a PKCS#11 token, used with the settings in the URI.</summary>
public sealed class Pkcs11SigningKeyOptions
{
    /// <summary>
    /// Gets or sets the path of the PKCS#11 module (for example <c>/usr/lib/softhsm/libsofthsm2.so</c>),
    /// used when the URI has no <c>module-path</c>. Default: <see langword="null"/>.
    /// </summary>
    public string? ModulePath { get; set; }

    /// <summary>
    /// Gets or sets the user PIN, used when the URI has no <c>pin-value</c>. Never logged.
    /// Default: <see langword="null"/>.
    /// </summary>
    public string? Pin { get; set; }

    /// <summary>
    /// Gets or sets a callback that returns the PIN when neither the URI nor <see cref="Pin"/> gives it;
    /// it receives the token label. It is also asked for each signature by keys that demand a PIN every
    /// time (<c>CKA_ALWAYS_AUTHENTICATE</c>) unless <see cref="ReusePin"/> is set. Default: <see langword="null"/>.
    /// </summary>
    public Func<string, string?>? PinCallback { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether keys that demand a PIN for every signature
    /// (<c>CKA_ALWAYS_AUTHENTICATE</c>) get the login PIN again without asking, like the official helper's
    /// <c>--reuse-pin</c>. Default: <see langword="false"/>.
    /// </summary>
    public bool ReusePin { get; set; }
}
