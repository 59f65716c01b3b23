namespace RolesAnywhere.Credentials.Signing;

/// <summary>The key families IAM Roles Anywhere accepts.</summary>
public enum SigningKeyAlgorithm
{
    /// <summary>RSA, signed with PKCS#1 v1.5 and SHA-256 (<c>AWS4-X509-RSA-SHA256</c>).</summary>
    Rsa = 1,

    /// <summary>ECDSA on P-256, P-384 or P-521, signed with SHA-256, DER-encoded (<c>AWS4-X509-ECDSA-SHA256</c>).</summary>
    Ecdsa = 2,
}
