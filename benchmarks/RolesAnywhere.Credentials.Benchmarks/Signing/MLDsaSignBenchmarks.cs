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
/// <remarks>
/// Deterministic ML-DSA repeats its rejection-sampling loop a number of times fixed by the key and the message, so the
/// cost of one signature depends on both. BenchmarkDotNet runs <see cref="Setup"/> once per benchmark case, in a
/// process of its own: a certificate issued in the set-up (a fresh serial, a fresh validity) would make each case sign
/// a different string to sign, and the baseline and the full path would pay different loop counts. Each ML-DSA case
/// therefore loads the fixed leaf certificate and key of <c>tests/vectors/mldsa</c> (embedded in this assembly) through
/// the library's own loader, and the request has a fixed timestamp: every case of a parameter set signs the same bytes
/// with the same key. RSA and ECDSA cost the same for every message, so their leaves are issued per case.
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
        if (Key.StartsWith("ML-DSA", StringComparison.Ordinal))
        {
            string bits = Key["ML-DSA-".Length..];
            var identity = SigningIdentity.FromPem(ReadVector($"mldsa{bits}-leaf.pem"), ReadVector($"mldsa{bits}-leaf.key"));
            _key = identity.SigningKey;
            _signer = new RolesAnywhereRequestSigner(identity.Certificate, null, _key);
            Console.WriteLine($"// {Key}: {MLDsaImplementations.Current?.GetType().FullName} signs; certificate serial {identity.Certificate.SerialNumber}");
        }
        else
        {
            using var root = TestCertificateAuthority.CreateRoot(new TestCertificateOptions { KeyType = TestKeyType.EcdsaP256 });
            using var leaf = root.IssueClientCertificate(new TestCertificateOptions { KeyType = Key == "RSA-2048" ? TestKeyType.Rsa2048 : TestKeyType.EcdsaP256, SubjectName = "CN=workload-01.data-platform.example.com, O=Example Corp" });
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

    /// <summary>Reads one of the ML-DSA vectors embedded from <c>tests/vectors/mldsa</c> (see the project file).</summary>
    private static string ReadVector(string name)
    {
        using var stream = typeof(MLDsaSignBenchmarks).Assembly.GetManifestResourceStream("vectors/mldsa/" + name)
            ?? throw new InvalidOperationException($"The vector '{name}' is not embedded: see the EmbeddedResource items in the benchmark project.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
