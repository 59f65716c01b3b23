namespace RolesAnywhere.Credentials.Testing.Certificates;

/// <summary>The key types <see cref="TestCertificateAuthority"/> can create.</summary>
public enum TestKeyType
{
    /// <summary>RSA, 2048 bits.</summary>
    Rsa2048,

    /// <summary>RSA, 3072 bits.</summary>
    Rsa3072,

    /// <summary>RSA, 4096 bits.</summary>
    Rsa4096,

    /// <summary>ECDSA on NIST P-256.</summary>
    EcdsaP256,

    /// <summary>ECDSA on NIST P-384.</summary>
    EcdsaP384,

    /// <summary>ECDSA on NIST P-521.</summary>
    EcdsaP521,

    /// <summary>ML-DSA-44 (FIPS 204); the certificate carries no private key object: export it with <see cref="TestCertificatePem.PrivateKey"/>.</summary>
    MLDsa44,

    /// <summary>ML-DSA-65 (FIPS 204); the certificate carries no private key object: export it with <see cref="TestCertificatePem.PrivateKey"/>.</summary>
    MLDsa65,

    /// <summary>ML-DSA-87 (FIPS 204); the certificate carries no private key object: export it with <see cref="TestCertificatePem.PrivateKey"/>.</summary>
    MLDsa87,
}
