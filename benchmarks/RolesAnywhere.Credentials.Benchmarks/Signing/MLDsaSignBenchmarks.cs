using System.Text;
using BenchmarkDotNet.Attributes;
using RolesAnywhere.Credentials.Identity;
using RolesAnywhere.Credentials.Signing;
using RolesAnywhere.Credentials.Testing.Certificates;

namespace RolesAnywhere.Credentials.Benchmarks.Signing;

/// <summary>
/// Question: what does a CreateSession signature cost with a post-quantum ML-DSA key (managed BouncyCastle, as on any
/// platform without OpenSSL 3.5) next to RSA-2048 and ECDSA P-256, and how much does the signer add to the key
/// operation (its ratio to the baseline) now that the signature is pooled rather than on the stack?
/// </summary>
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
        var keyType = Key switch
        {
            "RSA-2048" => TestKeyType.Rsa2048,
            "P-256" => TestKeyType.EcdsaP256,
            "ML-DSA-44" => TestKeyType.MLDsa44,
            "ML-DSA-65" => TestKeyType.MLDsa65,
            _ => TestKeyType.MLDsa87,
        };
        using var root = TestCertificateAuthority.CreateRoot(new TestCertificateOptions { KeyType = TestKeyType.EcdsaP256 });
        using var leaf = root.IssueClientCertificate(new TestCertificateOptions { KeyType = keyType, SubjectName = "CN=workload-01.data-platform.example.com, O=Example Corp" });
        var identity = SigningIdentity.FromPem(TestCertificatePem.Certificate(leaf), TestCertificatePem.PrivateKey(leaf));
        _key = identity.SigningKey;
        _signature = new byte[_key.MaxSignatureSizeInBytes];
        _signer = new RolesAnywhereRequestSigner(identity.Certificate, null, _key);
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
}
