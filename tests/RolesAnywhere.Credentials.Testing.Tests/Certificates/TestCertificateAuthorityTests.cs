using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.Testing.Certificates;
using RolesAnywhere.Credentials.Testing.Tests.Support;

namespace RolesAnywhere.Credentials.Testing.Tests.Certificates;

public sealed class TestCertificateAuthorityTests
{
    [Theory]
    [InlineData(TestKeyType.Rsa2048, "RSA", 2048)]
    [InlineData(TestKeyType.EcdsaP256, "ECC", 256)]
    [InlineData(TestKeyType.EcdsaP384, "ECC", 384)]
    [InlineData(TestKeyType.EcdsaP521, "ECC", 521)]
    public void IssueClientCertificate_KeyType_KeyOfThatTypeAndClientProfile(TestKeyType keyType, string algorithm, int bits)
    {
        using var leaf = TestPki.Issuing.IssueClientCertificate(new TestCertificateOptions { KeyType = keyType, SubjectName = "CN=k" });

        Assert.True(leaf.HasPrivateKey);
        using AsymmetricAlgorithm key = (AsymmetricAlgorithm?)leaf.GetRSAPublicKey() ?? leaf.GetECDsaPublicKey()!;
        Assert.Equal(bits, key.KeySize);
        Assert.Contains(algorithm == "RSA" ? "RSA" : "EC", leaf.PublicKey.Oid.FriendlyName!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(TestPki.Issuing.Certificate.Subject, leaf.Issuer);
        var usage = leaf.Extensions.OfType<X509KeyUsageExtension>().Single();
        Assert.Equal(X509KeyUsageFlags.DigitalSignature, usage.KeyUsages);
        Assert.Contains(leaf.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<Oid>(), o => o.Value == "1.3.6.1.5.5.7.3.2");
        Assert.False(leaf.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
    }

    [Fact]
    public void IssueClientCertificate_HighBitSerial_EncodedAsPositiveInteger()
    {
        using var leaf = TestPki.EcRoot.IssueClientCertificate(new TestCertificateOptions { SerialNumber = [0xF0, 0x00, 0x01] });

        Assert.Equal("F00001", leaf.SerialNumber.TrimStart('0'));
        var tbs = new AsnReader(leaf.RawData, AsnEncodingRules.DER).ReadSequence().ReadSequence();
        tbs.ReadEncodedValue(); // [0] version
        var serial = tbs.ReadIntegerBytes();
        Assert.Equal(0x00, serial.Span[0]);
        Assert.True(tbs.HasData);
    }

    [Fact]
    public void IssueClientCertificate_CustomValidity_Kept()
    {
        var notBefore = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var notAfter = new DateTimeOffset(2020, 1, 2, 0, 0, 0, TimeSpan.Zero);

        using var leaf = TestPki.EcRoot.IssueClientCertificate(new TestCertificateOptions { NotBefore = notBefore, NotAfter = notAfter });

        Assert.Equal(notBefore, new DateTimeOffset(leaf.NotBefore.ToUniversalTime(), TimeSpan.Zero));
        Assert.Equal(notAfter, new DateTimeOffset(leaf.NotAfter.ToUniversalTime(), TimeSpan.Zero));
    }

    [Fact]
    public void IssueClientCertificate_NotAfterBeforeNotBefore_ArgumentException()
    {
        var now = DateTimeOffset.UtcNow;

        Assert.Throws<ArgumentException>(() => TestPki.EcRoot.IssueClientCertificate(new TestCertificateOptions { NotBefore = now, NotAfter = now.AddSeconds(-1) }));
    }

    [Fact]
    public void IssueCertificate_PublicKeyForms_AllCarryThatKeyAndNoPrivateKey()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var publicOnly = ECDsa.Create(key.ExportParameters(includePrivateParameters: false));
        var spki = key.ExportSubjectPublicKeyInfo();

        using var fromSpki = TestPki.EcRoot.IssueCertificate(spki);
        using var fromObject = TestPki.EcRoot.IssueCertificate(publicOnly);
        using var fromPublicKey = TestPki.EcRoot.IssueCertificate(new PublicKey(publicOnly), new TestCertificateOptions { SubjectName = "CN=hsm-key" });

        foreach (var certificate in new[] { fromSpki, fromObject, fromPublicKey })
        {
            Assert.False(certificate.HasPrivateKey);
            Assert.Equal(spki, certificate.PublicKey.ExportSubjectPublicKeyInfo());
            using var chain = TrustedChain(TestPki.EcRoot.Certificate);
            Assert.True(chain.Build(certificate), string.Join(", ", chain.ChainStatus.Select(s => s.Status)));
        }

        Assert.Equal("CN=hsm-key", fromPublicKey.Subject);
    }

    [Fact]
    public void IssueCertificate_UnsupportedKey_ArgumentException()
    {
        using var dsa = DSA.Create();

        Assert.Throws<ArgumentException>(() => TestPki.EcRoot.IssueCertificate(dsa));
    }

    [Fact]
    public void CreateIntermediate_ChainBuildsToRoot()
    {
        using var chain = TrustedChain(TestPki.RsaRoot.Certificate);
        chain.ChainPolicy.ExtraStore.Add(TestPki.Issuing.Certificate);

        Assert.True(chain.Build(TestPki.ChainedLeaf), string.Join(", ", chain.ChainStatus.Select(s => s.Status)));
        Assert.Equal(3, chain.ChainElements.Count);
        Assert.True(TestPki.Issuing.Certificate.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
    }

    [Fact]
    public void TestCertificatePem_Exports_ReloadToSameKeyAndCertificate()
    {
        var leaf = TestPki.EcLeaf;

        using var pkcs8 = X509Certificate2.CreateFromPem(TestCertificatePem.Certificate(leaf), TestCertificatePem.PrivateKey(leaf));
        using var traditional = X509Certificate2.CreateFromPem(TestCertificatePem.Certificate(leaf), TestCertificatePem.TraditionalPrivateKey(leaf));
        using var encrypted = X509Certificate2.CreateFromEncryptedPem(TestCertificatePem.Certificate(leaf), TestCertificatePem.EncryptedPrivateKey(leaf, "pw"), "pw");

        Assert.Contains("BEGIN PRIVATE KEY", TestCertificatePem.PrivateKey(leaf), StringComparison.Ordinal);
        Assert.Contains("BEGIN EC PRIVATE KEY", TestCertificatePem.TraditionalPrivateKey(leaf), StringComparison.Ordinal);
        Assert.Contains("BEGIN RSA PRIVATE KEY", TestCertificatePem.TraditionalPrivateKey(TestPki.RsaLeaf), StringComparison.Ordinal);
        Assert.Contains("BEGIN ENCRYPTED PRIVATE KEY", TestCertificatePem.EncryptedPrivateKey(leaf, "pw"), StringComparison.Ordinal);
        foreach (var reloaded in new[] { pkcs8, traditional, encrypted })
        {
            Assert.Equal(leaf.RawData, reloaded.RawData);
            using var key = reloaded.GetECDsaPrivateKey()!;
            using var original = leaf.GetECDsaPublicKey()!;
            byte[] data = [1, 2, 3];
            var signature = key.SignData(data, HashAlgorithmName.SHA256);
            Assert.True(original.VerifyData(data, signature, HashAlgorithmName.SHA256));
        }
    }

    [Fact]
    public void TestCertificatePem_WriteFilesAndBundle_FilesLoad()
    {
        var directory = Directory.CreateTempSubdirectory("emulator-pem-");
        try
        {
            var certificatePath = Path.Combine(directory.FullName, "client.pem");
            var keyPath = Path.Combine(directory.FullName, "client.key");

            TestCertificatePem.WriteFiles(TestPki.ChainedLeaf, certificatePath, keyPath);
            var bundle = TestCertificatePem.Certificates([TestPki.Issuing.Certificate, TestPki.RsaRoot.Certificate]);

            using var loaded = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
            Assert.Equal(TestPki.ChainedLeaf.RawData, loaded.RawData);
            Assert.True(loaded.HasPrivateKey);
            var collection = new X509Certificate2Collection();
            collection.ImportFromPem(bundle);
            Assert.Equal(2, collection.Count);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void TestCertificatePem_PrivateKeyOfPublicOnlyCertificate_InvalidOperation()
    {
        using var publicOnly = X509CertificateLoader.LoadCertificate(TestPki.EcLeaf.RawData);

        var error = Assert.Throws<InvalidOperationException>(() => TestCertificatePem.PrivateKey(publicOnly));

        Assert.Contains("no private key", error.Message, StringComparison.Ordinal);
    }

    private static X509Chain TrustedChain(X509Certificate2 root)
    {
        var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain;
    }
}
