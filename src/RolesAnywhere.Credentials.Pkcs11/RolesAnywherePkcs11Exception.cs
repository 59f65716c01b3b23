namespace RolesAnywhere.Credentials.Pkcs11;

/// <summary>
/// A PKCS#11 module, token or key could not be used: module not found or built for another
/// architecture, token not found, several tokens or keys match, wrong or locked PIN, key and
/// certificate that do not match, or a failed signature. Keeps the PKCS#11 return code when the
/// module gave one. Messages never contain the PIN.
/// </summary>
public class RolesAnywherePkcs11Exception : RolesAnywhereConfigurationException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What went wrong, naming the input and the fix.</param>
    /// <param name="returnValue">The PKCS#11 return value (<c>CKR_…</c>), or <see langword="null"/> when the module gave none.</param>
    /// <param name="function">The PKCS#11 function that failed (for example <c>C_Login</c>), or <see langword="null"/>.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public RolesAnywherePkcs11Exception(string message, ulong? returnValue = null, string? function = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ReturnValue = returnValue;
        Function = function;
    }

    /// <summary>
    /// Gets the PKCS#11 return value (<c>CK_RV</c>), for example <c>0xA0</c> for <c>CKR_PIN_INCORRECT</c>,
    /// or <see langword="null"/> when the failure did not come from the module.
    /// </summary>
    public ulong? ReturnValue { get; }

    /// <summary>Gets the name of the PKCS#11 function that failed, or <see langword="null"/>.</summary>
    public string? Function { get; }
}
