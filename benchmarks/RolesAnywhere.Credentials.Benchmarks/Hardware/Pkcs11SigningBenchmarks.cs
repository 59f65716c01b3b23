using System.Security.Cryptography;
using RolesAnywhere.Credentials.Pkcs11;
using RolesAnywhere.Credentials.Signing;
using RolesAnywhere.Credentials.TestSupport.Hardware;

namespace RolesAnywhere.Credentials.Benchmarks.Hardware;

/// <summary>What a PKCS#11 key (SoftHSM2, P-256, one logged-in session) costs per signature, against the same key in memory.</summary>
public class Pkcs11SigningBenchmarks : DeviceSigningBenchmarks
{
    private const string Pin = "1234";

    protected override (ISigningKey Device, AsymmetricSigningKey Software) Open(string directory)
    {
        var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        SoftHsmConfiguration.Use(directory);
        SoftHsmConfiguration.InitToken("bench", Pin, "5678");
        string keyFile = Path.Combine(directory, "key.pem");
        File.WriteAllText(keyFile, ecdsa.ExportPkcs8PrivateKeyPem());
        SoftHsmConfiguration.ImportKey(keyFile, "bench", "bench", "01", Pin);
        File.Delete(keyFile);
        var token = Pkcs11SigningKey.Open($"pkcs11:token=bench;object=bench?module-path={SoftHsmConfiguration.ModulePath}&pin-value={Pin}");
        return (token, new AsymmetricSigningKey(ecdsa));
    }
}
