using System.Globalization;
using Net.Pkcs11Interop.Common;

namespace RolesAnywhere.Credentials.Pkcs11.Interop;

/// <summary>Turns PKCS#11 return codes into messages that name the cause and the fix, keeping the code.</summary>
internal static class Pkcs11Errors
{
    /// <param name="ex">The module's failure.</param>
    /// <param name="doing">What was being done, such as "logging in to token 'A'" (never a PIN).</param>
    public static RolesAnywherePkcs11Exception From(Pkcs11Exception ex, string doing)
    {
        string code = Describe(ex.RV);
        string hint = ex.RV switch
        {
            CKR.CKR_PIN_INCORRECT => "The PIN is wrong: check pin-value in the URI, Pkcs11SigningKeyOptions.Pin or the PIN callback. Repeated wrong PINs lock the token.",
            CKR.CKR_PIN_LOCKED => "The user PIN is locked after too many wrong attempts: reset it with the security officer PIN (C_InitPIN, for example pkcs11-tool --login --login-type so --init-pin).",
            CKR.CKR_PIN_INVALID or CKR.CKR_PIN_LEN_RANGE => "The PIN has characters or a length the token does not accept.",
            CKR.CKR_PIN_EXPIRED => "The PIN has expired: change it with the token's tools.",
            CKR.CKR_USER_NOT_LOGGED_IN => "The token wants a login: give the PIN (pin-value in the URI, Pkcs11SigningKeyOptions.Pin or a PIN callback).",
            CKR.CKR_TOKEN_NOT_PRESENT or CKR.CKR_DEVICE_REMOVED => "The token was removed: insert it again.",
            CKR.CKR_KEY_FUNCTION_NOT_PERMITTED or CKR.CKR_KEY_TYPE_INCONSISTENT => "The key may not sign (CKA_SIGN is false) or is of another type than expected.",
            CKR.CKR_MECHANISM_INVALID => "The token does not support the mechanism (CKM_SHA256_RSA_PKCS for RSA, CKM_ECDSA for EC keys).",
            CKR.CKR_CRYPTOKI_ALREADY_INITIALIZED => "Another component in this process initialised the module already.",
            _ => "See the module's documentation for this return code.",
        };
        return new RolesAnywherePkcs11Exception(
            $"PKCS#11 {ex.Method} failed with {code} while {doing}. {hint}",
            (ulong)ex.RV,
            ex.Method,
            ex);
    }

    public static string Describe(CKR rv) =>
        string.Create(CultureInfo.InvariantCulture, $"{rv} (0x{(ulong)rv:X})");
}
