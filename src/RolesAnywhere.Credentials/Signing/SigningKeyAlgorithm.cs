namespace RolesAnywhere.Credentials.Signing;

/// <summary>The key families IAM Roles Anywhere accepts.</summary>
public enum SigningKeyAlgorithm
{
    /// <summary>RSA, signed with PKCS#1 v1.5 and SHA-256 (<c>AWS4-X509-RSA-SHA256</c>).</summary>
    Rsa = 1,

    /// <summary>ECDSA on P-256, P-384 or P-521, signed with SHA-256, DER-encoded (<c>AWS4-X509-ECDSA-SHA256</c>).</summary>
    Ecdsa = 2,

    /// <summary>
    /// ML-DSA-44, ML-DSA-65 or ML-DSA-87 (FIPS 204), pure ML-DSA over the string to sign with an empty context
    /// (<c>AWS4-X509-MLDSA</c>). The key hashes nothing itself; signatures are 2420, 3309 or 4627 bytes.
    /// </summary>
    MLDsa = 3,
}
