using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography;
using System.Text;
using RolesAnywhere.Credentials.Identity.Decoding;

namespace RolesAnywhere.Credentials.Tests.Identity;

public sealed class MaterialDecoderTests(KeyMaterialFixture keys) : IClassFixture<KeyMaterialFixture>
{
    private static readonly MaterialSource Source = new("PrivateKeyPath", "/keys/workload.key", "PrivateKeyPassword");

    [Fact]
    public void DecodeAndClear_PemKeyFile_ImportsKeyThenZeroesBuffer()
    {
        var buffer = Encoding.ASCII.GetBytes(keys.P256.ExportPkcs8PrivateKeyPem());

        using var material = MaterialDecoder.DecodeAndClear(buffer, Source, password: null);

        Assert.Single(material.Keys);
        Assert.All(buffer, b => Assert.Equal(0, b));
    }

    [Fact]
    public void DecodeAndClear_EncryptedDerKey_ImportsKeyThenZeroesBuffer()
    {
        var buffer = keys.Rsa.ExportEncryptedPkcs8PrivateKey(KeyMaterialFixture.Password, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA1, 2048));

        using var material = MaterialDecoder.DecodeAndClear(buffer, Source, KeyMaterialFixture.Password);

        var rsa = Assert.IsAssignableFrom<RSA>(Assert.Single(material.Keys));
        Assert.Equal(keys.Rsa.ExportRSAPublicKey(), rsa.ExportRSAPublicKey());
        Assert.All(buffer, b => Assert.Equal(0, b));
    }

    [Fact]
    public void DecodeAndClear_WrongPassword_StillZeroesBuffer()
    {
        var buffer = Encoding.ASCII.GetBytes(keys.P256.ExportEncryptedPkcs8PrivateKeyPem(KeyMaterialFixture.Password, new PbeParameters(PbeEncryptionAlgorithm.Aes128Cbc, HashAlgorithmName.SHA256, 1000)));

        Assert.Throws<RolesAnywhereConfigurationException>(() => MaterialDecoder.DecodeAndClear(buffer, Source, "wrong"));

        Assert.All(buffer, b => Assert.Equal(0, b));
    }

    [Fact]
    public void Decode_CallerBytes_AreLeftIntact()
    {
        var buffer = keys.P256.ExportPkcs8PrivateKey();
        var copy = buffer.ToArray();

        using var material = MaterialDecoder.Decode(buffer, Source, password: null);

        Assert.Equal(copy, buffer);
    }

    [Fact]
    public void Classify_EachDerStructure_IsRecognised()
    {
        using var withKey = keys.P256Leaf.CopyWithPrivateKey(keys.P256);

        Assert.Equal(DerKind.Certificate, DerClassifier.Classify(keys.P256Leaf.RawData));
        Assert.Equal(DerKind.Pkcs12, DerClassifier.Classify(Pkcs12Files.Export([withKey], Pkcs12Files.Aes256Sha256, "x")));
        Assert.Equal(DerKind.Pkcs8, DerClassifier.Classify(keys.P256.ExportPkcs8PrivateKey()));
        Assert.Equal(DerKind.EncryptedPkcs8, DerClassifier.Classify(keys.P256.ExportEncryptedPkcs8PrivateKey("x", new PbeParameters(PbeEncryptionAlgorithm.Aes128Cbc, HashAlgorithmName.SHA256, 1))));
        Assert.Equal(DerKind.Pkcs1, DerClassifier.Classify(keys.Rsa.ExportRSAPrivateKey()));
        Assert.Equal(DerKind.Sec1, DerClassifier.Classify(keys.P256.ExportECPrivateKey()));
        Assert.Equal(DerKind.Unknown, DerClassifier.Classify(keys.P256.ExportSubjectPublicKeyInfo()));
        Assert.Equal(DerKind.Unknown, DerClassifier.Classify("hello"u8.ToArray()));
        Assert.Equal(DerKind.Unknown, DerClassifier.Classify(new byte[] { 0x30, 0x82, 0xFF }));
    }
}
