using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RolesAnywhere.Credentials.Testing.Certificates;

/// <summary>Key generation and the RSA/ECDSA/ML-DSA differences of certificate signing.</summary>
internal static class KeyFactory
{
    public static AsymmetricAlgorithm Create(TestKeyType keyType) => keyType switch
    {
        TestKeyType.Rsa2048 => RSA.Create(2048),
        TestKeyType.Rsa3072 => RSA.Create(3072),
        TestKeyType.Rsa4096 => RSA.Create(4096),
        TestKeyType.EcdsaP256 => ECDsa.Create(ECCurve.NamedCurves.nistP256),
        TestKeyType.EcdsaP384 => ECDsa.Create(ECCurve.NamedCurves.nistP384),
        TestKeyType.EcdsaP521 => ECDsa.Create(ECCurve.NamedCurves.nistP521),
        TestKeyType.MLDsa44 or TestKeyType.MLDsa65 or TestKeyType.MLDsa87 => MLDsaTestKey.Generate(keyType),
        _ => throw new ArgumentOutOfRangeException(nameof(keyType), keyType, "Unknown key type."),
    };

    public static CertificateRequest Request(string subjectName, AsymmetricAlgorithm key) => key switch
    {
        RSA rsa => new CertificateRequest(subjectName, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
        ECDsa ecdsa => new CertificateRequest(subjectName, ecdsa, HashAlgorithmName.SHA256),
        MLDsaTestKey mldsa => new CertificateRequest(new X500DistinguishedName(subjectName), mldsa.ToPublicKey(), HashAlgorithmName.SHA256),
        _ => throw new ArgumentException($"Unsupported key {key.GetType().Name}.", nameof(key)),
    };

    public static X509SignatureGenerator Generator(AsymmetricAlgorithm key) => key switch
    {
        RSA rsa => X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1),
        ECDsa ecdsa => X509SignatureGenerator.CreateForECDsa(ecdsa),
        MLDsaTestKey mldsa => new MLDsaSignatureGenerator(mldsa),
        _ => throw new ArgumentException($"Unsupported key {key.GetType().Name}.", nameof(key)),
    };

    public static X509Certificate2 Attach(X509Certificate2 certificate, AsymmetricAlgorithm key) => key switch
    {
        RSA rsa => certificate.CopyWithPrivateKey(rsa),
        ECDsa ecdsa => certificate.CopyWithPrivateKey(ecdsa),
        MLDsaTestKey mldsa => mldsa.Attach(Copy(certificate)),
        _ => throw new ArgumentException($"Unsupported key {key.GetType().Name}.", nameof(key)),
    };

    // An ML-DSA key is shared by every caller (BouncyCastle keys are immutable): disposing it changes nothing.
    public static AsymmetricAlgorithm PrivateKeyOf(X509Certificate2 certificate) =>
        MLDsaTestKey.Of(certificate) ?? (AsymmetricAlgorithm?)certificate.GetRSAPrivateKey() ?? certificate.GetECDsaPrivateKey()
        ?? throw new InvalidOperationException($"The certificate '{certificate.Subject}' has no RSA, ECDSA or ML-DSA private key.");

    /// <summary>Returns whether the certificate has a private key this factory can use (ML-DSA keys live beside the certificate).</summary>
    public static bool HasPrivateKey(X509Certificate2 certificate) => certificate.HasPrivateKey || MLDsaTestKey.Of(certificate) is not null;

    private static X509Certificate2 Copy(X509Certificate2 certificate) =>
#if NET9_0_OR_GREATER
        X509CertificateLoader.LoadCertificate(certificate.RawData);
#else
        new(certificate.RawData);
#endif
}
