namespace RolesAnywhere.Credentials.Identity.Decoding;

/// <summary>What a DER (or BER) blob holds, judged from its outer structure.</summary>
internal enum DerKind
{
    /// <summary>Not a structure this library reads.</summary>
    Unknown,

    /// <summary>An X.509 certificate.</summary>
    Certificate,

    /// <summary>A PKCS#12 (PFX) file.</summary>
    Pkcs12,

    /// <summary>A PKCS#8 <c>PrivateKeyInfo</c>.</summary>
    Pkcs8,

    /// <summary>A PKCS#8 <c>EncryptedPrivateKeyInfo</c>.</summary>
    EncryptedPkcs8,

    /// <summary>A PKCS#1 <c>RSAPrivateKey</c>.</summary>
    Pkcs1,

    /// <summary>A SEC1 <c>ECPrivateKey</c>.</summary>
    Sec1,
}
