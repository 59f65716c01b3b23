using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using RolesAnywhere.Credentials.KeySources;
using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.Benchmarks.Hardware;

/// <summary>
/// What selecting a certificate and key from the CurrentUser store costs (once per load), and what the
/// store key costs per signature, against a key in memory.
/// </summary>
[MemoryDiagnoser]
public class CertificateStoreSigningBenchmarks
{
    private readonly byte[] _data = "AWS4-X509-ECDSA-SHA256\n20260101T000000Z\n20260101/us-east-1/rolesanywhere/aws4_request\n0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"u8.ToArray();
    private readonly byte[] _signature = new byte[139];
    private readonly string _storeName = "ra-bench-" + Guid.NewGuid().ToString("N")[..12];
    private RolesAnywhereOptions _options = null!;
    private AsymmetricSigningKey _software = null!;
    private OpenedSigningKey _store = null!;

    [GlobalSetup]
    public void Setup()
    {
        var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=ra-bench-store", ecdsa, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        using (var x509Store = new X509Store(_storeName, StoreLocation.CurrentUser))
        {
            x509Store.Open(OpenFlags.ReadWrite);
            x509Store.Add(certificate);
        }

        _options = new RolesAnywhereOptions { CertificateStoreName = _storeName, CertificateSelector = "Key=x509Subject,Value=CN=ra-bench-store" };
        _store = SigningKeySourceResolver.TryOpen(_options, TimeProvider.System)!;
        _software = new AsymmetricSigningKey(ecdsa);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        _software.Dispose();
        using var x509Store = new X509Store(_storeName, StoreLocation.CurrentUser);
        x509Store.Open(OpenFlags.ReadWrite);
        x509Store.RemoveRange(x509Store.Certificates);
    }

    [Benchmark(Baseline = true)]
    public int SoftwareP256()
    {
        _software.TrySign(_data, _signature, out int written);
        return written;
    }

    [Benchmark]
    public int StoreP256()
    {
        _store.SigningKey.TrySign(_data, _signature, out int written);
        return written;
    }

    [Benchmark]
    public void SelectFromStore()
    {
        using var opened = SigningKeySourceResolver.TryOpen(_options, TimeProvider.System)!;
    }
}
