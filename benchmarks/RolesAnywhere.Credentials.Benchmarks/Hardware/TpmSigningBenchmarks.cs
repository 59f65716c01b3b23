using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using RolesAnywhere.Credentials.Signing;
using RolesAnywhere.Credentials.TestSupport.Hardware;

namespace RolesAnywhere.Credentials.Benchmarks.Hardware;

/// <summary>What a TPM 2.0 key (swtpm over TCP, OpenSSL tpm2 provider, P-256) costs per signature, against a key in memory.</summary>
[MemoryDiagnoser]
public class TpmSigningBenchmarks
{
    private readonly byte[] _data = "AWS4-X509-ECDSA-SHA256\n20260101T000000Z\n20260101/us-east-1/rolesanywhere/aws4_request\n0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"u8.ToArray();
    private readonly byte[] _signature = new byte[139];
    private string _directory = null!;
    private SwtpmProcess? _swtpm;
    private SoftwareSigningKey _software = null!;
    private ISigningKey _tpm = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("ra-bench-swtpm-").FullName;
        _swtpm = SwtpmProcess.Start(_directory);
        _swtpm.CreatePersistentKey(_directory, "ecc256:ecdsa", "0x81000001", "bench");
        _tpm = OpenSslProviderKey.Open(OpenSslProviderKey.Tpm2Provider, "handle:0x81000001");
        _software = new SoftwareSigningKey(ECDsa.Create(ECCurve.NamedCurves.nistP256));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _tpm.Dispose();
        _software.Dispose();
        _swtpm?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public int SoftwareP256()
    {
        _software.TrySign(_data, _signature, out int written);
        return written;
    }

    [Benchmark]
    public int TpmP256()
    {
        _tpm.TrySign(_data, _signature, out int written);
        return written;
    }
}
