namespace RolesAnywhere.Credentials.Signing;

/// <summary>
/// The three ML-DSA parameter sets of FIPS 204 with the sizes the signer and the key loader rely on: the one
/// place these numbers are written down.
/// </summary>
internal sealed class MLDsaParameterSet
{
    /// <summary>The length of the private seed ξ every parameter set starts from (FIPS 204, Algorithm 1).</summary>
    public const int SeedSize = 32;

    /// <summary>The largest ML-DSA signature, ML-DSA-87's.</summary>
    public const int MaxSignatureSize = 4627;

    /// <summary>ML-DSA-44 (NIST security category 2), OID 2.16.840.1.101.3.4.3.17.</summary>
    public static readonly MLDsaParameterSet MLDsa44 = new("ML-DSA-44", "2.16.840.1.101.3.4.3.17", publicKeySize: 1312, expandedPrivateKeySize: 2560, signatureSize: 2420);

    /// <summary>ML-DSA-65 (NIST security category 3), OID 2.16.840.1.101.3.4.3.18.</summary>
    public static readonly MLDsaParameterSet MLDsa65 = new("ML-DSA-65", "2.16.840.1.101.3.4.3.18", publicKeySize: 1952, expandedPrivateKeySize: 4032, signatureSize: 3309);

    /// <summary>ML-DSA-87 (NIST security category 5), OID 2.16.840.1.101.3.4.3.19.</summary>
    public static readonly MLDsaParameterSet MLDsa87 = new("ML-DSA-87", "2.16.840.1.101.3.4.3.19", publicKeySize: 2592, expandedPrivateKeySize: 4896, signatureSize: MaxSignatureSize);

    private MLDsaParameterSet(string name, string oid, int publicKeySize, int expandedPrivateKeySize, int signatureSize)
    {
        Name = name;
        Oid = oid;
        PublicKeySize = publicKeySize;
        ExpandedPrivateKeySize = expandedPrivateKeySize;
        SignatureSize = signatureSize;
    }

    /// <summary>Gets the FIPS 204 name, such as <c>ML-DSA-65</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the algorithm OID of the public key in certificates and of the private key in PKCS#8.</summary>
    public string Oid { get; }

    /// <summary>Gets the length of the encoded public key (the certificate's subjectPublicKey bit string).</summary>
    public int PublicKeySize { get; }

    /// <summary>Gets the length of the expanded private key encoding (FIPS 204 skEncode).</summary>
    public int ExpandedPrivateKeySize { get; }

    /// <summary>Gets the length of every signature of this parameter set.</summary>
    public int SignatureSize { get; }

    /// <summary>Returns the parameter set of an algorithm OID, or <see langword="null"/> when the OID is not ML-DSA.</summary>
    public static MLDsaParameterSet? FromOid(string? oid) => oid switch
    {
        "2.16.840.1.101.3.4.3.17" => MLDsa44,
        "2.16.840.1.101.3.4.3.18" => MLDsa65,
        "2.16.840.1.101.3.4.3.19" => MLDsa87,
        _ => null,
    };

    /// <inheritdoc />
    public override string ToString() => Name;
}
