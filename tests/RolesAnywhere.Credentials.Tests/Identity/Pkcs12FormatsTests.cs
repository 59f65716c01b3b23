using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography;
using RolesAnywhere.Credentials.Identity;

namespace RolesAnywhere.Credentials.Tests.Identity;

public sealed class Pkcs12FormatsTests(KeyMaterialFixture keys) : IClassFixture<KeyMaterialFixture>
{
    [Fact]
    public void Load_ModernAesPkcs12WithChain_LoadsKeyAndIntermediates()
    {
        var path = keys.Write("modern.p12", Export(keys.P256Leaf, keys.P256, Pkcs12Files.Aes256Sha256, KeyMaterialFixture.Password));

        using var identity = SigningIdentityLoader.Load(
            new RolesAnywhereOptions { CertificatePath = path, PrivateKeyPassword = KeyMaterialFixture.Password },
            TimeProvider.System);

        IdentityAssert.SignsFor(keys.P256Leaf, identity);
        IdentityAssert.SameCertificates([keys.Intermediate], identity.Intermediates);
        Assert.False(identity.Certificate.HasPrivateKey);
    }

    [Fact]
    public void Load_LegacyTripleDesPkcs12_Loads()
    {
        var path = keys.Write("legacy-3des.p12", Export(keys.RsaLeaf, keys.Rsa, Pkcs12Files.TripleDesSha1, KeyMaterialFixture.Password));

        using var identity = SigningIdentity.FromFiles(path, password: KeyMaterialFixture.Password);

        IdentityAssert.SignsFor(keys.RsaLeaf, identity);
    }

    [Fact]
    public void Load_LegacyTripleDesPkcs12FromPbeParameters_Loads()
    {
        using var withKey = keys.P384Leaf.CopyWithPrivateKey(keys.P384);
        var bytes = Pkcs12Files.Export([withKey], new PbeParameters(PbeEncryptionAlgorithm.TripleDes3KeyPkcs12, HashAlgorithmName.SHA1, 2000), KeyMaterialFixture.Password);
        var path = keys.Write("legacy-pbe.pfx", bytes);

        using var identity = SigningIdentity.FromFiles(path, password: KeyMaterialFixture.Password);

        IdentityAssert.SignsFor(keys.P384Leaf, identity);
    }

    [Fact]
    public void Load_Rc2Pkcs12FromOpenSsl_Loads()
    {
        var certificate = keys.Write("rc2.crt", keys.RsaLeaf.ExportCertificatePem());
        var key = keys.Write("rc2.key", keys.Rsa.ExportPkcs8PrivateKeyPem());
        var path = Path.Combine(keys.Directory, "rc2.p12");
        OpenSsl.Run("pkcs12", "-export", "-legacy", "-certpbe", "PBE-SHA1-RC2-40", "-keypbe", "PBE-SHA1-3DES", "-in", certificate, "-inkey", key, "-out", path, "-passout", "pass:" + KeyMaterialFixture.Password);

        using var identity = SigningIdentity.FromFiles(path, password: KeyMaterialFixture.Password);

        IdentityAssert.SignsFor(keys.RsaLeaf, identity);
    }

    [Fact]
    public void Load_Pkcs12WithoutPassword_Loads()
    {
        var path = keys.Write("nopass.p12", Export(keys.P521Leaf, keys.P521, Pkcs12Files.Aes256Sha256, password: null));

        using var identity = SigningIdentity.FromFiles(path);

        IdentityAssert.SignsFor(keys.P521Leaf, identity);
    }

    [Fact]
    public void Load_Pkcs12WithEmptyPasswordFromOpenSsl_LoadsWithoutPassword()
    {
        var certificate = keys.Write("empty.crt", keys.P256Leaf.ExportCertificatePem());
        var key = keys.Write("empty.key", keys.P256.ExportPkcs8PrivateKeyPem());
        var path = Path.Combine(keys.Directory, "empty.p12");
        OpenSsl.Run("pkcs12", "-export", "-in", certificate, "-inkey", key, "-out", path, "-passout", "pass:");

        using var identity = SigningIdentity.FromFiles(path);

        IdentityAssert.SignsFor(keys.P256Leaf, identity);
    }

    [Fact]
    public void Load_InlineBase64Pkcs12_Loads()
    {
        var base64 = Convert.ToBase64String(Export(keys.P256Leaf, keys.P256, Pkcs12Files.Aes256Sha256, KeyMaterialFixture.Password));

        using var identity = SigningIdentityLoader.Load(
            new RolesAnywhereOptions { CertificateData = base64, PrivateKeyPassword = KeyMaterialFixture.Password },
            TimeProvider.System);

        IdentityAssert.SignsFor(keys.P256Leaf, identity);
    }

    [Fact]
    public void Load_Pkcs12WrongPassword_NamesFileAndPasswordSetting()
    {
        var path = keys.Write("wrong.p12", Export(keys.P256Leaf, keys.P256, Pkcs12Files.Aes256Sha256, KeyMaterialFixture.Password));

        IdentityAssert.ConfigurationError(
            () => SigningIdentityLoader.Load(new RolesAnywhereOptions { CertificatePath = path, PrivateKeyPassword = "not the password" }, TimeProvider.System),
            path,
            "PrivateKeyPassword",
            "password is wrong");
    }

    [Fact]
    public void Load_Pkcs12PasswordMissing_AsksForPassword()
    {
        var path = keys.Write("needs-pass.p12", Export(keys.P256Leaf, keys.P256, Pkcs12Files.Aes256Sha256, KeyMaterialFixture.Password));

        IdentityAssert.ConfigurationError(
            () => SigningIdentityLoader.Load(new RolesAnywhereOptions { CertificatePath = path }, TimeProvider.System),
            path,
            "Set PrivateKeyPassword");
    }

    private byte[] Export(X509Certificate2 leaf, AsymmetricAlgorithm key, PbeParameters encryption, string? password)
    {
        using var withKey = key is RSA rsa ? leaf.CopyWithPrivateKey(rsa) : leaf.CopyWithPrivateKey((ECDsa)key);
        return Pkcs12Files.Export([withKey, keys.Intermediate], encryption, password);
    }
}
