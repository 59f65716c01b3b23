using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography;
using RolesAnywhere.Credentials.Identity;

namespace RolesAnywhere.Credentials.Tests.Identity;

public sealed class PemAndDerFormatsTests(KeyMaterialFixture keys) : IClassFixture<KeyMaterialFixture>
{
    private static readonly PbeParameters AesSha256 = new(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 100_000);
    private static readonly PbeParameters AesSha1 = new(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA1, 2048);

    public static TheoryData<string> KeyForms =>
    [
        "rsa-pkcs1-pem", "rsa-pkcs8-pem", "rsa-pkcs1-der", "rsa-pkcs8-der",
        "p256-sec1-pem", "p256-pkcs8-pem", "p256-sec1-der", "p256-pkcs8-der",
        "p384-pkcs8-pem", "p521-sec1-pem",
        "rsa-encrypted-aes256-sha256-pem", "p256-encrypted-aes256-sha1-pem", "p384-encrypted-aes128-sha256-der",
        "rsa-encrypted-3des-pkcs12pbe-pem",
    ];

    [Theory]
    [MemberData(nameof(KeyForms))]
    public void Load_KeyFileInEachForm_SignsForCertificate(string form)
    {
        var (certificate, keyBytes) = KeyFile(form);
        var keyPath = keys.Write($"{form}.key", keyBytes);
        var certificatePath = keys.Write($"{form}.crt", certificate.ExportCertificatePem());

        using var identity = SigningIdentityLoader.Load(
            new RolesAnywhereOptions { CertificatePath = certificatePath, PrivateKeyPath = keyPath, PrivateKeyPassword = KeyMaterialFixture.Password },
            TimeProvider.System);

        IdentityAssert.SignsFor(certificate, identity);
        Assert.Empty(identity.Intermediates);
    }

    [Fact]
    public void Load_DerCertificate_Loads()
    {
        var certificatePath = keys.Write("p256.der", keys.P256Leaf.RawData);
        var keyPath = keys.Write("p256-for-der.key", keys.P256.ExportPkcs8PrivateKey());

        using var identity = SigningIdentity.FromFiles(certificatePath, keyPath);

        IdentityAssert.SignsFor(keys.P256Leaf, identity);
    }

    [Fact]
    public void Load_CombinedPemWithKeyFirst_NeedsNoKeySetting()
    {
        var path = keys.Write("combined.pem", keys.P384.ExportECPrivateKeyPem() + "\n" + keys.P384Leaf.ExportCertificatePem() + "\n" + keys.Intermediate.ExportCertificatePem());

        using var identity = SigningIdentityLoader.Load(new RolesAnywhereOptions { CertificatePath = path }, TimeProvider.System);

        IdentityAssert.SignsFor(keys.P384Leaf, identity);
        IdentityAssert.SameCertificates([keys.Intermediate], identity.Intermediates);
    }

    [Fact]
    public void Load_SameCombinedFileForCertificateAndKey_Loads()
    {
        var path = keys.Write("both.pem", keys.RsaLeaf.ExportCertificatePem() + "\n" + keys.Rsa.ExportPkcs8PrivateKeyPem());

        using var identity = SigningIdentity.FromFiles(path, path);

        IdentityAssert.SignsFor(keys.RsaLeaf, identity);
    }

    [Fact]
    public void Load_FullChainInAnyOrder_PicksLeafByKeyAndDropsRoot()
    {
        var path = keys.Write(
            "fullchain.pem",
            keys.Root.ExportCertificatePem() + "\n" + keys.Intermediate.ExportCertificatePem() + "\n" + keys.P256Leaf.ExportCertificatePem());
        var keyPath = keys.Write("fullchain.key", keys.P256.ExportPkcs8PrivateKeyPem());

        using var identity = SigningIdentity.FromFiles(path, keyPath);

        IdentityAssert.SignsFor(keys.P256Leaf, identity);
        IdentityAssert.SameCertificates([keys.Intermediate], identity.Intermediates);
    }

    [Fact]
    public void Load_IntermediatesBundle_ExcludesLeafRootAndDuplicates()
    {
        var certificatePath = keys.Write("leaf-only.pem", keys.RsaLeaf.ExportCertificatePem());
        var keyPath = keys.Write("leaf-only.key", keys.Rsa.ExportRSAPrivateKeyPem());
        var bundle = keys.Write(
            "bundle.pem",
            string.Join("\n", keys.Intermediate.ExportCertificatePem(), keys.RsaLeaf.ExportCertificatePem(), keys.Intermediate.ExportCertificatePem(), keys.Root.ExportCertificatePem()));

        using var identity = SigningIdentity.FromFiles(certificatePath, keyPath, bundle);

        IdentityAssert.SameCertificates([keys.Intermediate], identity.Intermediates);
    }

    [Fact]
    public void Load_PemWithOpenSslTextBeforeAndAfterBlocks_SkipsText()
    {
        var text = "Certificate:\n    Data:\n        Version: 3 (0x2)\n        Serial Number: 21 (0x15)\n    Signature Algorithm: ecdsa-with-SHA256\n"
            + keys.P521Leaf.ExportCertificatePem() + "\nsubject=CN=p521-workload\n";
        var path = keys.Write("with-text.crt", text);
        var keyPath = keys.Write("with-text.key", "Private-Key: (521 bit)\n" + keys.P521.ExportPkcs8PrivateKeyPem());

        using var identity = SigningIdentity.FromFiles(path, keyPath);

        IdentityAssert.SignsFor(keys.P521Leaf, identity);
    }

    [Fact]
    public void Load_CrlfLineEndingsAndBom_Loads()
    {
        var pem = "\uFEFF" + keys.P256Leaf.ExportCertificatePem().Replace("\n", "\r\n", StringComparison.Ordinal);
        var path = keys.Write("crlf.pem", pem);
        var keyPath = keys.Write("crlf.key", keys.P256.ExportECPrivateKeyPem().Replace("\n", "\r\n", StringComparison.Ordinal));

        using var identity = SigningIdentity.FromFiles(path, keyPath);

        IdentityAssert.SignsFor(keys.P256Leaf, identity);
    }

    [Fact]
    public void FromPem_InlinePem_Loads()
    {
        using var identity = SigningIdentity.FromPem(
            keys.P384Leaf.ExportCertificatePem(),
            keys.P384.ExportEncryptedPkcs8PrivateKeyPem(KeyMaterialFixture.Password, AesSha256),
            keys.Intermediate.ExportCertificatePem(),
            KeyMaterialFixture.Password);

        IdentityAssert.SignsFor(keys.P384Leaf, identity);
        IdentityAssert.SameCertificates([keys.Intermediate], identity.Intermediates);
    }

    [Fact]
    public void Load_InlineBase64Der_Loads()
    {
        var options = new RolesAnywhereOptions
        {
            CertificateData = Convert.ToBase64String(keys.RsaLeaf.RawData),
            PrivateKeyData = " " + Convert.ToBase64String(keys.Rsa.ExportPkcs8PrivateKey()) + "\n",
            IntermediatesData = keys.Intermediate.ExportCertificatePem(),
        };

        using var identity = SigningIdentityLoader.Load(options, TimeProvider.System);

        IdentityAssert.SignsFor(keys.RsaLeaf, identity);
        IdentityAssert.SameCertificates([keys.Intermediate], identity.Intermediates);
    }

    [Fact]
    public void FromBytes_DerAndPemBytes_LoadsAndLeavesCallerBytesAlone()
    {
        var key = keys.P256.ExportECPrivateKey();
        var copy = key.ToArray();

        using var identity = SigningIdentity.FromBytes(keys.P256Leaf.RawData, key, System.Text.Encoding.ASCII.GetBytes(keys.Intermediate.ExportCertificatePem()));

        IdentityAssert.SignsFor(keys.P256Leaf, identity);
        Assert.Equal(copy, key);
        IdentityAssert.SameCertificates([keys.Intermediate], identity.Intermediates);
    }

    [Fact]
    public void Load_EncryptedPkcs8FromOpenSslWithSha1AndAes128_Loads()
    {
        // The shape of an AWS Certificate Manager export: PBES2, PBKDF2-HMAC-SHA1, AES-CBC.
        var plain = keys.Write("openssl-plain.key", keys.P256.ExportPkcs8PrivateKeyPem());
        var encrypted = Path.Combine(keys.Directory, "openssl-sha1.key");
        OpenSsl.Run("pkcs8", "-topk8", "-v2", "aes-128-cbc", "-v2prf", "hmacWithSHA1", "-in", plain, "-out", encrypted, "-passout", "pass:" + KeyMaterialFixture.Password);
        var certificatePath = keys.Write("openssl-sha1.crt", keys.P256Leaf.ExportCertificatePem());

        using var identity = SigningIdentity.FromFiles(certificatePath, encrypted, password: KeyMaterialFixture.Password);

        IdentityAssert.SignsFor(keys.P256Leaf, identity);
    }

    [Fact]
    public void Load_EncryptedPkcs8WithPbes2TripleDes_Loads()
    {
        var plain = keys.Write("openssl-plain-rsa.key", keys.Rsa.ExportPkcs8PrivateKeyPem());
        var encrypted = Path.Combine(keys.Directory, "openssl-des3.key");
        OpenSsl.Run("pkcs8", "-topk8", "-v2", "des3", "-in", plain, "-out", encrypted, "-passout", "pass:" + KeyMaterialFixture.Password);
        var certificatePath = keys.Write("openssl-des3.crt", keys.RsaLeaf.ExportCertificatePem());

        using var identity = SigningIdentity.FromFiles(certificatePath, encrypted, password: KeyMaterialFixture.Password);

        IdentityAssert.SignsFor(keys.RsaLeaf, identity);
    }

    private (X509Certificate2 Certificate, byte[] Key) KeyFile(string form)
    {
        static byte[] Text(string pem) => System.Text.Encoding.ASCII.GetBytes(pem);
        var password = KeyMaterialFixture.Password;
        return form switch
        {
            "rsa-pkcs1-pem" => (keys.RsaLeaf, Text(keys.Rsa.ExportRSAPrivateKeyPem())),
            "rsa-pkcs8-pem" => (keys.RsaLeaf, Text(keys.Rsa.ExportPkcs8PrivateKeyPem())),
            "rsa-pkcs1-der" => (keys.RsaLeaf, keys.Rsa.ExportRSAPrivateKey()),
            "rsa-pkcs8-der" => (keys.RsaLeaf, keys.Rsa.ExportPkcs8PrivateKey()),
            "p256-sec1-pem" => (keys.P256Leaf, Text(keys.P256.ExportECPrivateKeyPem())),
            "p256-pkcs8-pem" => (keys.P256Leaf, Text(keys.P256.ExportPkcs8PrivateKeyPem())),
            "p256-sec1-der" => (keys.P256Leaf, keys.P256.ExportECPrivateKey()),
            "p256-pkcs8-der" => (keys.P256Leaf, keys.P256.ExportPkcs8PrivateKey()),
            "p384-pkcs8-pem" => (keys.P384Leaf, Text(keys.P384.ExportPkcs8PrivateKeyPem())),
            "p521-sec1-pem" => (keys.P521Leaf, Text(keys.P521.ExportECPrivateKeyPem())),
            "rsa-encrypted-aes256-sha256-pem" => (keys.RsaLeaf, Text(keys.Rsa.ExportEncryptedPkcs8PrivateKeyPem(password, AesSha256))),
            "p256-encrypted-aes256-sha1-pem" => (keys.P256Leaf, Text(keys.P256.ExportEncryptedPkcs8PrivateKeyPem(password, AesSha1))),
            "p384-encrypted-aes128-sha256-der" => (keys.P384Leaf, keys.P384.ExportEncryptedPkcs8PrivateKey(password, new PbeParameters(PbeEncryptionAlgorithm.Aes128Cbc, HashAlgorithmName.SHA256, 10_000))),
            "rsa-encrypted-3des-pkcs12pbe-pem" => (keys.RsaLeaf, Text(keys.Rsa.ExportEncryptedPkcs8PrivateKeyPem(password, new PbeParameters(PbeEncryptionAlgorithm.TripleDes3KeyPkcs12, HashAlgorithmName.SHA1, 2048)))),
            _ => throw new ArgumentOutOfRangeException(nameof(form)),
        };
    }
}
