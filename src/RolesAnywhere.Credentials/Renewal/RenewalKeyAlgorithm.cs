namespace RolesAnywhere.Credentials.Renewal;

/// <summary>The kind of key made for each renewal. A new key is made every time; the old key is never reused.</summary>
public enum RenewalKeyAlgorithm
{
    /// <summary>The algorithm and size of the current certificate's key (the default).</summary>
    Same = 0,

    /// <summary>ECDSA on NIST P-256.</summary>
    EcP256 = 1,

    /// <summary>ECDSA on NIST P-384.</summary>
    EcP384 = 2,

    /// <summary>RSA, 2048 bits.</summary>
    Rsa2048 = 3,

    /// <summary>RSA, 3072 bits.</summary>
    Rsa3072 = 4,

    /// <summary>RSA, 4096 bits.</summary>
    Rsa4096 = 5,
}
