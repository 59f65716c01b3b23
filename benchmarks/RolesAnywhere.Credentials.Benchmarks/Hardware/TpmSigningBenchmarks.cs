using System.Security.Cryptography;
using RolesAnywhere.Credentials.KeySources;
using RolesAnywhere.Credentials.Signing;
using RolesAnywhere.Credentials.TestSupport.Hardware;

namespace RolesAnywhere.Credentials.Benchmarks.Hardware;

/// <summary>What a TPM 2.0 key (swtpm over TCP, OpenSSL tpm2 provider, P-256) costs per signature, against a key in memory.</summary>
public class TpmSigningBenchmarks : DeviceSigningBenchmarks
{
    private SwtpmProcess? _swtpm;

    protected override (ISigningKey Device, AsymmetricSigningKey Software) Open(string directory)
    {
        _swtpm = SwtpmProcess.Start(directory);
        _swtpm.CreatePersistentKey(directory, "ecc256:ecdsa", "0x81000001", "bench");
        return (OpenSslProviderKey.Open(OpenSslProviderKey.Tpm2Provider, "handle:0x81000001"), new AsymmetricSigningKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)));
    }

    protected override void Close() => _swtpm?.Dispose();
}
