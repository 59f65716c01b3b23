using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.Testing.Certificates;

namespace RolesAnywhere.Credentials.Tests.Credentials;

/// <summary>One key per type for the whole test run (RSA-4096 generation takes seconds on a busy machine).</summary>
internal static class SharedKeys
{
    private static readonly ConcurrentDictionary<TestKeyType, Lazy<AsymmetricAlgorithm>> Keys = new();

    /// <summary>Issues a certificate from <paramref name="issuer"/> for the shared key of <paramref name="keyType"/>, with that key attached.</summary>
    public static X509Certificate2 Issue(TestCertificateAuthority issuer, TestKeyType keyType, string subject)
    {
        var key = Keys.GetOrAdd(keyType, type => new Lazy<AsymmetricAlgorithm>(() => Create(type))).Value;
        using var certificate = issuer.IssueCertificate(key, new TestCertificateOptions { SubjectName = subject, KeyType = keyType });
        return key switch
        {
            RSA rsa => certificate.CopyWithPrivateKey(rsa),
            ECDsa ecdsa => certificate.CopyWithPrivateKey(ecdsa),
            _ => throw new ArgumentOutOfRangeException(nameof(keyType)),
        };
    }

    private static AsymmetricAlgorithm Create(TestKeyType type) => type switch
    {
        TestKeyType.Rsa2048 => RSA.Create(2048),
        TestKeyType.Rsa3072 => RSA.Create(3072),
        TestKeyType.Rsa4096 => RSA.Create(4096),
        TestKeyType.EcdsaP256 => ECDsa.Create(ECCurve.NamedCurves.nistP256),
        TestKeyType.EcdsaP384 => ECDsa.Create(ECCurve.NamedCurves.nistP384),
        TestKeyType.EcdsaP521 => ECDsa.Create(ECCurve.NamedCurves.nistP521),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
