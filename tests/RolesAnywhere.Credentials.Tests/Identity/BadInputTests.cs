using System.Security.Cryptography;
using System.Text;
using RolesAnywhere.Credentials.Identity.Decoding;
using RolesAnywhere.Credentials.Identity;

namespace RolesAnywhere.Credentials.Tests.Identity;

public sealed class BadInputTests(KeyMaterialFixture keys) : IClassFixture<KeyMaterialFixture>
{
    private static readonly PbeParameters AesSha256 = new(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 10_000);
    private static readonly PbeParameters AesSha1 = new(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA1, 2048);

    [Fact]
    public void Load_MissingCertificateFile_NamesFileAndSetting()
    {
        var path = Path.Combine(keys.Directory, "does-not-exist.pem");

        IdentityAssert.ConfigurationError(() => Load(path, Key()), path, "CertificatePath", "does not exist");
    }

    [Fact]
    public void Load_MissingKeyFolder_NamesFileAndSetting()
    {
        var path = Path.Combine(keys.Directory, "no-such-folder", "key.pem");

        IdentityAssert.ConfigurationError(() => Load(Certificate(), path), path, "PrivateKeyPath", "does not exist");
    }

    [Fact]
    public void Load_DirectoryInsteadOfFile_SaysItIsADirectory()
    {
        IdentityAssert.ConfigurationError(() => Load(keys.Directory, Key()), keys.Directory, "is a directory", "CertificatePath");
    }

    [Fact]
    public void Load_EmptyFile_SaysEmpty()
    {
        var path = keys.Write("empty.pem", []);

        IdentityAssert.ConfigurationError(() => Load(path, Key()), path, "is empty");
    }

    [Fact]
    public void Load_UnreadableFile_SaysAccessDenied()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        var path = keys.Write("unreadable.pem", keys.P256Leaf.ExportCertificatePem());
        if (!OperatingSystem.IsWindows() && Environment.UserName != "root")
        {
            File.SetUnixFileMode(path, UnixFileMode.None);
            IdentityAssert.ConfigurationError(() => Load(path, Key()), path, "access is denied");
            return;
        }

        // Root reads every file whatever its mode (CI runs as root): an exclusive lock held by another
        // handle is a real read failure the loader cannot get past either.
        using var holder = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        IdentityAssert.ConfigurationError(() => Load(path, Key()), path, "cannot be read", "names a readable file");
    }

    [Fact]
    public void Load_FileTooLarge_RefusesWithoutReadingAll()
    {
        var path = keys.Write("huge.pem", new byte[KeyMaterialFile.MaxLength + 1]);

        IdentityAssert.ConfigurationError(() => Load(path, Key()), path, "larger than");
    }

    [Fact]
    public void Load_TextThatIsNotACertificate_SaysFormatsAccepted()
    {
        var path = keys.Write("notes.txt", "just some notes, not a certificate\n");

        IdentityAssert.ConfigurationError(() => Load(path, Key()), path, "not a certificate or private key", "PEM, DER");
    }

    [Fact]
    public void Load_CertificateFileHoldsOnlyKey_SuggestsSwappingSettings()
    {
        var path = keys.Write("swapped.pem", keys.P256.ExportPkcs8PrivateKeyPem());

        IdentityAssert.ConfigurationError(() => Load(path, Certificate()), path, "holds no certificate, only a private key");
    }

    [Fact]
    public void Load_KeyFileHoldsOnlyCertificate_SaysKeyMissing()
    {
        IdentityAssert.ConfigurationError(() => Load(Certificate(), Certificate()), Certificate(), "PrivateKeyPath", "holds no private key, only a certificate");
    }

    [Fact]
    public void Load_KeyFileHoldsPublicKey_SaysPrivateKeyNeeded()
    {
        var path = keys.Write("public.pem", keys.P256.ExportSubjectPublicKeyInfoPem());

        IdentityAssert.ConfigurationError(() => Load(Certificate(), path), path, "public key; the private key is needed");
    }

    [Fact]
    public void Load_OpenSshKey_SaysHowToConvert()
    {
        var path = keys.Write("id_ecdsa", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAAB\n-----END OPENSSH PRIVATE KEY-----\n");

        IdentityAssert.ConfigurationError(() => Load(Certificate(), path), path, "ssh-keygen");
    }

    [Fact]
    public void Load_LegacyEncryptedPem_SaysHowToConvert()
    {
        var path = keys.Write("legacy.pem", "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,00112233445566778899AABBCCDDEEFF\n\nAAAA\n-----END RSA PRIVATE KEY-----\n");

        IdentityAssert.ConfigurationError(() => Load(Certificate(), path), path, "openssl pkcs8 -topk8");
    }

    [Fact]
    public void Load_DamagedKey_SaysDamaged()
    {
        var der = keys.P256.ExportECPrivateKey();
        var path = keys.Write("damaged.pem", PemEncoding.WriteString("EC PRIVATE KEY", der.AsSpan(0, der.Length - 20)));

        IdentityAssert.ConfigurationError(() => Load(Certificate(), path), path, "damaged or truncated");
    }

    [Fact]
    public void Load_DamagedCertificate_SaysDamaged()
    {
        var der = keys.P256Leaf.RawData;
        var path = keys.Write("damaged.crt", PemEncoding.WriteString("CERTIFICATE", der.AsSpan(0, der.Length - 30)));

        IdentityAssert.ConfigurationError(() => Load(path, Key()), path, "cannot be parsed");
    }

    [Fact]
    public void Load_BrokenPemBlock_SaysNoWellFormedBlock()
    {
        var path = keys.Write("broken.pem", "-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n");

        IdentityAssert.ConfigurationError(() => Load(path, Key()), path, "no well-formed PEM block");
    }

    [Theory]
    [InlineData("sha256")]
    [InlineData("sha1")]
    public void Load_EncryptedKeyWrongPassword_SaysWrongPasswordWithoutEchoingIt(string prf)
    {
        var path = keys.Write($"wrong-{prf}.key", keys.P256.ExportEncryptedPkcs8PrivateKeyPem(KeyMaterialFixture.Password, prf == "sha1" ? AesSha1 : AesSha256));
        const string Wrong = "Tr0ub4dor&3";

        var message = IdentityAssert.ConfigurationError(
            () => SigningIdentityLoader.Load(new RolesAnywhereOptions { CertificatePath = Certificate(), PrivateKeyPath = path, PrivateKeyPassword = Wrong }, TimeProvider.System),
            path,
            "PrivateKeyPassword",
            "is wrong");
        Assert.DoesNotContain(Wrong, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EncryptedKeyWithoutPassword_AsksForPasswordSetting()
    {
        var path = keys.Write("needs-password.key", keys.P256.ExportEncryptedPkcs8PrivateKeyPem(KeyMaterialFixture.Password, AesSha256));

        IdentityAssert.ConfigurationError(() => Load(Certificate(), path), path, "is encrypted, and no password was given", "Set PrivateKeyPassword");
    }

    [Fact]
    public void FromFiles_EncryptedKeyWithoutPassword_NamesPasswordSetting()
    {
        var path = keys.Write("needs-password-param.key", keys.P256.ExportEncryptedPkcs8PrivateKeyPem(KeyMaterialFixture.Password, AesSha256));

        IdentityAssert.ConfigurationError(() => SigningIdentity.FromFiles(Certificate(), path), path, "PrivateKeyPath", "Set PrivateKeyPassword");
    }

    [Fact]
    public void Load_ScryptEncryptedKey_SaysUnsupportedAndHowToReEncrypt()
    {
        var plain = keys.Write("scrypt-plain.key", keys.P256.ExportPkcs8PrivateKeyPem());
        var path = Path.Combine(keys.Directory, "scrypt.key");
        OpenSsl.Run("pkcs8", "-topk8", "-scrypt", "-in", plain, "-out", path, "-passout", "pass:" + KeyMaterialFixture.Password);

        IdentityAssert.ConfigurationError(
            () => SigningIdentityLoader.Load(new RolesAnywhereOptions { CertificatePath = Certificate(), PrivateKeyPath = path, PrivateKeyPassword = KeyMaterialFixture.Password }, TimeProvider.System),
            path,
            "scrypt",
            "-v2 aes-256-cbc");
    }

    [Fact]
    public void Load_Ed25519Key_SaysUnsupportedKeyType()
    {
        var path = Path.Combine(keys.Directory, "ed25519.key");
        OpenSsl.Run("genpkey", "-algorithm", "ed25519", "-out", path);

        IdentityAssert.ConfigurationError(() => Load(Certificate(), path), path, "Ed25519", "accepts RSA (2048 to 4096 bits), ECDSA (P-256, P-384 or P-521) and ML-DSA");
    }

    [Fact]
    public void Load_KeyOfAnotherCertificate_NamesBothFiles()
    {
        var key = keys.Write("other.key", keys.OtherP256.ExportPkcs8PrivateKeyPem());

        IdentityAssert.ConfigurationError(() => Load(Certificate(), key), Certificate(), key, "does not belong to the certificate", "Use the private key the certificate was issued for");
    }

    [Fact]
    public void Load_RsaKeyForEcdsaCertificate_SaysFamiliesDiffer()
    {
        var key = keys.Write("rsa-for-ec.key", keys.Rsa.ExportRSAPrivateKeyPem());

        IdentityAssert.ConfigurationError(() => Load(Certificate(), key), key, "is an RSA key", "holds an ECDSA key");
    }

    [Fact]
    public void Load_KeyFileWithTwoKeys_SaysKeepOne()
    {
        var key = keys.Write("two.key", keys.P256.ExportPkcs8PrivateKeyPem() + "\n" + keys.OtherP256.ExportPkcs8PrivateKeyPem());

        IdentityAssert.ConfigurationError(() => Load(Certificate(), key), key, "2 private keys");
    }

    [Fact]
    public void Load_NoKeyAnywhere_ListsKeySettings()
    {
        IdentityAssert.ConfigurationError(
            () => SigningIdentityLoader.Load(new RolesAnywhereOptions { CertificatePath = Certificate() }, TimeProvider.System),
            "No private key is configured",
            "PrivateKeyPath",
            "SigningKey");
    }

    [Fact]
    public void Load_IntermediatesFileWithoutCertificates_NamesIt()
    {
        var bundle = keys.Write("bundle-with-key.pem", keys.OtherP256.ExportPkcs8PrivateKeyPem());

        IdentityAssert.ConfigurationError(
            () => SigningIdentityLoader.Load(new RolesAnywhereOptions { CertificatePath = Certificate(), PrivateKeyPath = Key(), IntermediatesPath = bundle }, TimeProvider.System),
            bundle,
            "IntermediatesPath",
            "holds no certificate");
    }

    [Fact]
    public void FromPem_EncryptedKeyWithoutPassword_NamesParameters()
    {
        var pem = keys.P256.ExportEncryptedPkcs8PrivateKeyPem(KeyMaterialFixture.Password, AesSha256);

        IdentityAssert.ConfigurationError(() => SigningIdentity.FromPem(keys.P256Leaf.ExportCertificatePem(), pem), "inline privateKey value", "Set password");
    }

    [Fact]
    public void Load_InlineGarbage_NamesSetting()
    {
        IdentityAssert.ConfigurationError(
            () => SigningIdentityLoader.Load(new RolesAnywhereOptions { CertificateData = "%%% not base64 %%%", PrivateKeyPath = Key() }, TimeProvider.System),
            "inline CertificateData value");
    }

    private SigningIdentity Load(string certificatePath, string keyPath) =>
        SigningIdentityLoader.Load(new RolesAnywhereOptions { CertificatePath = certificatePath, PrivateKeyPath = keyPath }, TimeProvider.System);

    private string Certificate() => keys.Write("good-p256.crt", keys.P256Leaf.ExportCertificatePem());

    private string Key() => keys.Write("good-p256.key", Encoding.ASCII.GetBytes(keys.P256.ExportPkcs8PrivateKeyPem()));
}
