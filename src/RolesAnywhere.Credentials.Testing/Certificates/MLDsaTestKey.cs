using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace RolesAnywhere.Credentials.Testing.Certificates;

/// <summary>
/// An ML-DSA key pair (BouncyCastle) dressed as an <see cref="AsymmetricAlgorithm"/> so that the authority handles it
/// like its RSA and ECDSA keys. <see cref="X509Certificate2"/> cannot hold it, so the certificates issued for it are
/// remembered here and their key found again by <see cref="Of"/>.
/// </summary>
internal sealed class MLDsaTestKey : AsymmetricAlgorithm
{
    private static readonly ConditionalWeakTable<X509Certificate2, MLDsaTestKey> Keys = new();

    private MLDsaTestKey(MLDsaPrivateKeyParameters privateKey)
    {
        PrivateKey = privateKey;
    }

    /// <summary>Gets the BouncyCastle private key.</summary>
    public MLDsaPrivateKeyParameters PrivateKey { get; }

    /// <summary>Gets the algorithm OID of the key (2.16.840.1.101.3.4.3.17, .18 or .19).</summary>
    public string AlgorithmOid => SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(PrivateKey.GetPublicKey()).Algorithm.Algorithm.Id;

    /// <summary>Generates a key of the given ML-DSA type.</summary>
    public static MLDsaTestKey Generate(TestKeyType keyType)
    {
        var parameters = keyType switch
        {
            TestKeyType.MLDsa44 => MLDsaParameters.ml_dsa_44,
            TestKeyType.MLDsa65 => MLDsaParameters.ml_dsa_65,
            _ => MLDsaParameters.ml_dsa_87,
        };
        var generator = new MLDsaKeyPairGenerator();
        generator.Init(new MLDsaKeyGenerationParameters(new SecureRandom(), parameters));
        return new MLDsaTestKey((MLDsaPrivateKeyParameters)generator.GenerateKeyPair().Private);
    }

    /// <summary>Returns the ML-DSA key of a certificate the authority issued, or <see langword="null"/>.</summary>
    public static MLDsaTestKey? Of(X509Certificate2 certificate) => Keys.TryGetValue(certificate, out var key) ? key : null;

    /// <summary>Remembers that <paramref name="certificate"/> belongs to this key and returns it.</summary>
    public X509Certificate2 Attach(X509Certificate2 certificate)
    {
        Keys.AddOrUpdate(certificate, this);
        return certificate;
    }

    /// <summary>Returns the public key as .NET's <see cref="PublicKey"/>, for a <see cref="CertificateRequest"/>.</summary>
    public PublicKey ToPublicKey() => PublicKey.CreateFromSubjectPublicKeyInfo(ExportSubjectPublicKeyInfo(), out _);

    public override byte[] ExportSubjectPublicKeyInfo() =>
        SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(PrivateKey.GetPublicKey()).GetDerEncoded();

    /// <summary>Returns the seed-only PKCS#8 form (<c>[0] seed</c>), the one Python <c>cryptography</c> writes.</summary>
    public override byte[] ExportPkcs8PrivateKey() =>
        PrivateKeyInfoFactory.CreatePrivateKeyInfo(PrivateKey.WithPreferredFormat(MLDsaPrivateKeyParameters.Format.SeedOnly)).GetDerEncoded();

    public override bool TryExportPkcs8PrivateKey(Span<byte> destination, out int bytesWritten)
    {
        byte[] pkcs8 = ExportPkcs8PrivateKey();
        try
        {
            bytesWritten = pkcs8.AsSpan().TryCopyTo(destination) ? pkcs8.Length : 0;
            return bytesWritten > 0;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
    }
}
