using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.Benchmarks.Signing;

/// <summary>
/// Question 1: how close is canonicalize + hash to the physical floor, SHA-256 over the same canonical
/// bytes already in memory (which every SigV4 signer must compute)? Target: at most 1.5x and 0 B.
/// </summary>
[MemoryDiagnoser]
public class CanonicalizeAndHashBenchmarks
{
    private readonly byte[] _hash = new byte[SHA256.HashSizeInBytes];
    private RolesAnywhereRequestSigner _signer = null!;
    private SigningRequest _request;
    private byte[] _canonicalRequest = null!;

    /// <summary>Gets or sets whether the ARNs travel in the query string (Go helper) or in the body (this library, the Python package).</summary>
    [Params(false, true)]
    public bool ArnsInQuery { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (var certificate, var key) = BenchmarkRequests.CreateIdentity(rsa: true);
        key.Dispose();
        _signer = new RolesAnywhereRequestSigner(certificate, null, new FixedSignatureKey());
        _request = BenchmarkRequests.Create(ArnsInQuery);
        _canonicalRequest = Encoding.UTF8.GetBytes(_signer.GetCanonicalRequest(_request));
    }

    [Benchmark(Baseline = true, Description = "SHA256.HashData(canonical bytes)")]
    public byte[] HashPrecomputedCanonicalBytes()
    {
        SHA256.HashData(_canonicalRequest, _hash);
        return _hash;
    }

    [Benchmark(Description = "Canonicalize + hash")]
    public byte[] CanonicalizeAndHash()
    {
        _signer.HashCanonicalRequest(_request, _hash);
        return _hash;
    }
}
