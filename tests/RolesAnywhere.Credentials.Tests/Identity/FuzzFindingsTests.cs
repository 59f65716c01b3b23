using System.Text;
using RolesAnywhere.Credentials.Identity;
using RolesAnywhere.Credentials.TestSupport;

namespace RolesAnywhere.Credentials.Tests.Identity;

/// <summary>
/// Files afl++ made that once escaped the loaders as exceptions other than <see cref="RolesAnywhereConfigurationException"/>
/// (fuzz/crashes/): each must be refused with the library's message naming the file.
/// </summary>
public sealed class FuzzFindingsTests(KeyMaterialFixture keys) : IClassFixture<KeyMaterialFixture>
{
    [Fact]
    public void Load_DerSec1KeyOnUnknownCurve_SaysCurveUnsupported()
    {
        var path = FuzzCrashInput.PathOf("der", "sec1-key-unknown-curve.der");

        IdentityAssert.ConfigurationError(() => Load(Certificate(), path), path, "elliptic curve this platform does not support", "P-256, P-384 or P-521");
    }

    [Fact]
    public void Load_Pkcs8KeyOnUnknownCurve_SaysCurveUnsupported()
    {
        var path = FuzzCrashInput.PathOf("pkcs8", "pkcs8-ec-key-unknown-curve.der");

        IdentityAssert.ConfigurationError(() => Load(Certificate(), path), path, "elliptic curve this platform does not support", "P-256, P-384 or P-521");
    }

    [Fact]
    public void Load_PemSec1KeyOnUnknownCurve_SaysCurveUnsupported()
    {
        var path = FuzzCrashInput.PathOf("pem", "sec1-key-unknown-curve.pem");

        IdentityAssert.ConfigurationError(() => Load(Certificate(), path), path, "elliptic curve this platform does not support");
    }

    [Fact]
    public void Load_IntermediateWithDamagedValidityTime_SaysCannotBeParsed()
    {
        var path = FuzzCrashInput.PathOf("chain", "intermediate-bad-validity-time.pem");

        IdentityAssert.ConfigurationError(
            () => SigningIdentityLoader.Load(new RolesAnywhereOptions { CertificatePath = Certificate(), PrivateKeyPath = Key(), IntermediatesPath = path }, TimeProvider.System),
            path,
            "cannot be parsed");
    }

    private static SigningIdentity Load(string certificatePath, string keyPath) =>
        SigningIdentityLoader.Load(new RolesAnywhereOptions { CertificatePath = certificatePath, PrivateKeyPath = keyPath }, TimeProvider.System);

    private string Certificate() => keys.Write("fuzz-p256.crt", keys.P256Leaf.ExportCertificatePem());

    private string Key() => keys.Write("fuzz-p256.key", Encoding.ASCII.GetBytes(keys.P256.ExportPkcs8PrivateKeyPem()));
}
