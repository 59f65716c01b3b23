using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using RolesAnywhere.Credentials.Pkcs11;
using RolesAnywhere.Credentials.Signing;
using RolesAnywhere.Credentials.TestSupport.Hardware;

namespace RolesAnywhere.Credentials.Benchmarks.Hardware;

/// <summary>What a PKCS#11 key (SoftHSM2, P-256, one logged-in session) costs per signature, against the same key in memory.</summary>
[MemoryDiagnoser]
public class Pkcs11SigningBenchmarks
{
    private readonly byte[] _data = "AWS4-X509-ECDSA-SHA256\n20260101T000000Z\n20260101/us-east-1/rolesanywhere/aws4_request\n0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"u8.ToArray();
    private readonly byte[] _signature = new byte[139];
    private string _directory = null!;
    private SoftwareSigningKey _software = null!;
    private Pkcs11SigningKey _token = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("ra-bench-softhsm-").FullName;
        var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        _token = Pkcs11SigningKey.Open(SoftHsmToken(_directory, ecdsa.ExportPkcs8PrivateKeyPem()));
        _software = new SoftwareSigningKey(ecdsa);
    }

    /// <summary>Initialises a SoftHSM2 token holding <paramref name="pkcs8Pem"/> (label <c>bench</c>, id 01) and returns its URI.</summary>
    private static string SoftHsmToken(string directory, string pkcs8Pem)
    {
        const string Pin = "1234";
        SoftHsmConfiguration.Use(directory);
        SoftHsmConfiguration.InitToken("bench", Pin, "5678");
        string keyFile = Path.Combine(directory, "key.pem");
        File.WriteAllText(keyFile, pkcs8Pem);
        SoftHsmConfiguration.ImportKey(keyFile, "bench", "bench", "01", Pin);
        File.Delete(keyFile);
        return $"pkcs11:token=bench;object=bench?module-path={SoftHsmConfiguration.ModulePath}&pin-value={Pin}";
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _token.Dispose();
        _software.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public int SoftwareP256()
    {
        _software.TrySign(_data, _signature, out int written);
        return written;
    }

    [Benchmark]
    public int SoftHsmP256()
    {
        _token.TrySign(_data, _signature, out int written);
        return written;
    }
}
