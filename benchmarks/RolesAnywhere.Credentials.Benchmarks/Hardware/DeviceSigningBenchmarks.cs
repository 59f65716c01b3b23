using BenchmarkDotNet.Attributes;
using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.Benchmarks.Hardware;

/// <summary>
/// One signature of a SigV4-X509 string to sign (P-256) with a key that stays in a device, against a key
/// in memory in the same run. Each device class opens its key in a temporary directory of its own.
/// </summary>
[MemoryDiagnoser]
public abstract class DeviceSigningBenchmarks
{
    private readonly byte[] _data = "AWS4-X509-ECDSA-SHA256\n20260101T000000Z\n20260101/us-east-1/rolesanywhere/aws4_request\n0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"u8.ToArray();
    private readonly byte[] _signature = new byte[139];
    private string _directory = null!;
    private AsymmetricSigningKey _software = null!;
    private ISigningKey _device = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("ra-bench-device-").FullName;
        (_device, _software) = Open(_directory);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _device.Dispose();
        _software.Dispose();
        Close();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public int SoftwareP256()
    {
        _software.TrySign(_data, _signature, out int written);
        return written;
    }

    [Benchmark]
    public int DeviceP256()
    {
        _device.TrySign(_data, _signature, out int written);
        return written;
    }

    /// <summary>Sets the device up in <paramref name="directory"/> and opens its P-256 key, with the software key to compare it with.</summary>
    protected abstract (ISigningKey Device, AsymmetricSigningKey Software) Open(string directory);

    /// <summary>Stops what <see cref="Open"/> started, after the keys are disposed.</summary>
    protected virtual void Close()
    {
    }
}
