using System.Formats.Asn1;
using System.Text;
using BenchmarkDotNet.Attributes;
using RolesAnywhere.Credentials.Identity;
using RolesAnywhere.Credentials.MLDsa;
using RolesAnywhere.Credentials.Signing;
using RolesAnywhere.Credentials.Testing.Certificates;

namespace RolesAnywhere.Credentials.Benchmarks.Signing;

/// <summary>
/// Question: what does a CreateSession signature cost with a post-quantum ML-DSA key (managed BouncyCastle, as on any
/// platform without OpenSSL 3.5) next to RSA-2048 and ECDSA P-256, and how much does the signer add to the key
/// operation (its ratio to the baseline) now that the signature is pooled rather than on the stack?
/// </summary>
/// <remarks>
/// Deterministic ML-DSA repeats its rejection-sampling loop a number of times fixed by the key and the message, so the
/// cost of one signature depends on both. BenchmarkDotNet runs <see cref="Setup"/> once per benchmark case: each
/// ML-DSA key is therefore made from a fixed seed, so that the baseline and the full path sign the same string to sign
/// with the same key and pay the same loop count (with a fresh random key per case the two columns measured two
/// different keys: ratios of 0.34 to 1.65 and different allocations).
/// </remarks>
[MemoryDiagnoser]
public class MLDsaSignBenchmarks
{
    private readonly char[] _authorization = new char[16384];
    private byte[] _signature = null!;
    private ISigningKey _key = null!;
    private RolesAnywhereRequestSigner _signer = null!;
    private SigningRequest _request;
    private byte[] _stringToSign = null!;

    [Params("RSA-2048", "P-256", "ML-DSA-44", "ML-DSA-65", "ML-DSA-87")]
    public string Key { get; set; } = "ML-DSA-65";

    [GlobalSetup]
    public void Setup()
    {
        using var root = TestCertificateAuthority.CreateRoot(new TestCertificateOptions { KeyType = TestKeyType.EcdsaP256 });
        var leafOptions = new TestCertificateOptions { SubjectName = "CN=workload-01.data-platform.example.com, O=Example Corp" };
        if (Key.StartsWith("ML-DSA", StringComparison.Ordinal))
        {
            var parameterSet = Key switch
            {
                "ML-DSA-44" => MLDsaParameterSet.MLDsa44,
                "ML-DSA-65" => MLDsaParameterSet.MLDsa65,
                _ => MLDsaParameterSet.MLDsa87,
            };
            var seed = new byte[MLDsaParameterSet.SeedSize];
            seed.AsSpan().Fill(0x5A);
            var key = new BouncyCastleMLDsa().ImportPrivateKey(parameterSet, seed, default);
            _key = key;
            using var certificate = root.IssueCertificate(SubjectPublicKeyInfo(parameterSet, key.ExportPublicKey()), leafOptions);
            _signer = new RolesAnywhereRequestSigner(certificate, null, _key);
        }
        else
        {
            using var leaf = root.IssueClientCertificate(new TestCertificateOptions { KeyType = Key == "RSA-2048" ? TestKeyType.Rsa2048 : TestKeyType.EcdsaP256, SubjectName = leafOptions.SubjectName });
            var identity = SigningIdentity.FromPem(TestCertificatePem.Certificate(leaf), TestCertificatePem.PrivateKey(leaf));
            _key = identity.SigningKey;
            _signer = new RolesAnywhereRequestSigner(identity.Certificate, null, _key);
        }

        _signature = new byte[_key.MaxSignatureSizeInBytes];
        _request = BenchmarkRequests.Create(arnsInQuery: false);
        _stringToSign = Encoding.ASCII.GetBytes(_signer.GetStringToSign(_request));
    }

    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    [Benchmark(Baseline = true, Description = "Key operation (ISigningKey.TrySign)")]
    public int KeyOperation()
    {
        _ = _key.TrySign(_stringToSign, _signature, out int written);
        return written;
    }

    [Benchmark(Description = "TryCreateAuthorizationHeader")]
    public int FullSign()
    {
        _ = _signer.TryCreateAuthorizationHeader(_request, _authorization, out int written);
        return written;
    }

    private static byte[] SubjectPublicKeyInfo(MLDsaParameterSet parameterSet, byte[] publicKey)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(parameterSet.Oid);
            }

            writer.WriteBitString(publicKey);
        }

        return writer.Encode();
    }
}
