using Microsoft.Extensions.Time.Testing;
using RolesAnywhere.Credentials.Identity;
using RolesAnywhere.Credentials.Signing;
using RolesAnywhere.Credentials.TestSupport;

namespace RolesAnywhere.Credentials.Tests.Identity;

public sealed class VectorFilesTests
{
    // Inside the validity of every vector certificate (go-helper 2024–2033, botocore 2026-11-24–2036).
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2027, 6, 1, 0, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("go-helper-v1.1.1/alice-cert.crt", "go-helper-v1.1.1/alice-cert.key", SigningKeyAlgorithm.Rsa, "15")]
    [InlineData("go-helper-v1.1.1/alice-cert-ecc.crt", "go-helper-v1.1.1/alice-cert-ecc.key", SigningKeyAlgorithm.Ecdsa, "03")]
    public void Load_GoHelperCertificateWithTextBeforeBlock_Loads(string certificate, string key, SigningKeyAlgorithm algorithm, string serial)
    {
        using var identity = Load(new RolesAnywhereOptions { CertificatePath = TestVectors.PathOf(certificate), PrivateKeyPath = TestVectors.PathOf(key) });

        Assert.Equal(algorithm, identity.SigningKey.Algorithm);
        Assert.Equal(serial, identity.Certificate.SerialNumber);
        IdentityAssert.SignsFor(identity.Certificate, identity);
    }

    [Theory]
    [InlineData("leaf-p256", SigningKeyAlgorithm.Ecdsa)]
    [InlineData("leaf-p384", SigningKeyAlgorithm.Ecdsa)]
    [InlineData("leaf-rsa2048", SigningKeyAlgorithm.Rsa)]
    [InlineData("leaf-rsa4096", SigningKeyAlgorithm.Rsa)]
    public void Load_BotocorePkcs8Keys_Load(string name, SigningKeyAlgorithm algorithm)
    {
        using var identity = Load(new RolesAnywhereOptions
        {
            CertificatePath = TestVectors.PathOf($"botocore/{name}.pem"),
            PrivateKeyPath = TestVectors.PathOf($"botocore/{name}.key"),
        });

        Assert.Equal(algorithm, identity.SigningKey.Algorithm);
        IdentityAssert.SignsFor(identity.Certificate, identity);
    }

    [Fact]
    public void Load_BotocoreChain_KeepsIssuingCaAsIntermediate()
    {
        using var identity = Load(new RolesAnywhereOptions
        {
            CertificatePath = TestVectors.PathOf("botocore/leaf-rsa2048.pem"),
            PrivateKeyPath = TestVectors.PathOf("botocore/leaf-rsa2048.key"),
            IntermediatesPath = TestVectors.PathOf("botocore/issuing-rsa.pem"),
        });

        var intermediate = Assert.Single(identity.Intermediates);
        Assert.Contains("Issuing", intermediate.Subject, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Load_GoHelperKeyWithWrongCertificate_NamesBothFiles()
    {
        var certificate = TestVectors.PathOf("go-helper-v1.1.1/alice-cert-ecc.crt");
        var key = TestVectors.PathOf("botocore/leaf-p384.key");

        IdentityAssert.ConfigurationError(
            () => Load(new RolesAnywhereOptions { CertificatePath = certificate, PrivateKeyPath = key }),
            certificate,
            key,
            "does not belong");
    }

    private static SigningIdentity Load(RolesAnywhereOptions options) => SigningIdentityLoader.Load(options, Time);
}
