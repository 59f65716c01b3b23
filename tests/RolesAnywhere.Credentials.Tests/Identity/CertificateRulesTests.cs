using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using RolesAnywhere.Credentials.Identity;

namespace RolesAnywhere.Credentials.Tests.Identity;

public sealed class CertificateRulesTests(KeyMaterialFixture keys) : IClassFixture<KeyMaterialFixture>
{
    [Fact]
    public void Load_ExpiredCertificate_NamesDatesAndNow()
    {
        var now = keys.Now.AddDays(60);
        var (certificate, key) = Files("p256", keys.P256Leaf, keys.P256);

        IdentityAssert.ConfigurationError(
            () => Load(certificate, key, now),
            certificate,
            "expired at " + CertificateProfile.Format(keys.P256Leaf.NotAfter.ToUniversalTime()),
            "it is now " + CertificateProfile.Format(now),
            "renew the certificate");
    }

    [Fact]
    public void Load_NotYetValidCertificate_NamesDatesAndNow()
    {
        var now = keys.Now.AddDays(-2);
        var (certificate, key) = Files("p256-early", keys.P256Leaf, keys.P256);

        IdentityAssert.ConfigurationError(
            () => Load(certificate, key, now),
            certificate,
            "not valid yet: valid from " + CertificateProfile.Format(keys.P256Leaf.NotBefore.ToUniversalTime()),
            "it is now " + CertificateProfile.Format(now),
            "check the system clock");
    }

    [Fact]
    public void Load_ValidCertificateAtFakeTime_Loads()
    {
        var (certificate, key) = Files("p256-ok", keys.P256Leaf, keys.P256);

        using var identity = Load(certificate, key, keys.Now.AddDays(29));

        IdentityAssert.SignsFor(keys.P256Leaf, identity);
    }

    [Fact]
    public void Load_CaCertificateAsLeaf_SaysUseEndEntity()
    {
        var (certificate, key) = Files("ca-as-leaf", keys.Intermediate, keys.IntermediateKey);

        IdentityAssert.ConfigurationError(() => Load(certificate, key, keys.Now), certificate, "CA certificate", "end-entity certificate");
    }

    [Fact]
    public void Load_NoDigitalSignatureUsage_SaysWhichUsageIsNeeded()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var leaf = keys.CreateLeaf(
            new CertificateRequest("CN=encipher-only", ecdsa, HashAlgorithmName.SHA256),
            r => r.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyAgreement, true)));
        var (certificate, key) = Files("no-digsig", leaf, ecdsa);

        IdentityAssert.ConfigurationError(() => Load(certificate, key, keys.Now), certificate, "does not include digitalSignature");
    }

    [Fact]
    public void Load_Rsa1024_SaysSupportedSizes()
    {
        using var rsa = RSA.Create(1024);
        using var leaf = keys.CreateLeaf(new CertificateRequest("CN=rsa1024", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        var (certificate, key) = Files("rsa1024", leaf, rsa);

        IdentityAssert.ConfigurationError(() => Load(certificate, key, keys.Now), certificate, "RSA-1024", "2048 to 4096 bits");
    }

    [Fact]
    public void Load_Sha1SignedCertificate_SaysSha256Needed()
    {
        // .NET will not sign with SHA-1, openssl will.
        var key = keys.Write("sha1.key", keys.P256.ExportPkcs8PrivateKeyPem());
        var certificate = Path.Combine(keys.Directory, "sha1.crt");
        OpenSsl.Run("req", "-x509", "-new", "-key", key, "-sha1", "-subj", "/CN=sha1", "-days", "2", "-addext", "basicConstraints=critical,CA:FALSE", "-addext", "keyUsage=critical,digitalSignature", "-out", certificate);

        IdentityAssert.ConfigurationError(() => Load(certificate, key, keys.Now), certificate, "SHA-256 or stronger");
    }

    [Fact]
    public void Load_Secp256k1Key_SaysSupportedCurves()
    {
        ECDsa ecdsa;
        try
        {
            ecdsa = ECDsa.Create(ECCurve.CreateFromFriendlyName("secP256k1"));
        }
        catch (PlatformNotSupportedException)
        {
            Assert.Skip("This platform has no secp256k1.");
            return;
        }

        using (ecdsa)
        {
            using var leaf = keys.CreateLeaf(new CertificateRequest("CN=k1", ecdsa, HashAlgorithmName.SHA256));
            var (certificate, key) = Files("k1", leaf, ecdsa);

            IdentityAssert.ConfigurationError(() => Load(certificate, key, keys.Now), certificate, "1.3.132.0.10", "P-256, P-384 and P-521");
        }
    }

    [Fact]
    public void Load_ExpiredIntermediate_NamesIt()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Retired Issuing CA", caKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var retired = request.Create(keys.Root.SubjectName, X509SignatureGenerator.CreateForECDsa(keys.RootKey), keys.Now.AddDays(-100), keys.Now.AddDays(-50), [9, 9]);
        var (certificate, key) = Files("p256-old-chain", keys.P256Leaf, keys.P256);
        var bundle = keys.Write("retired-ca.pem", retired.ExportCertificatePem());

        IdentityAssert.ConfigurationError(
            () => SigningIdentityLoader.Load(new RolesAnywhereOptions { CertificatePath = certificate, PrivateKeyPath = key, IntermediatesPath = bundle }, new FakeTimeProvider(keys.Now)),
            "intermediate CA certificate",
            "Retired Issuing CA",
            "expired at");
    }

    [Fact]
    public void Load_NegativeSerial_RefusedNamingTheSerialAndRfc5280()
    {
        // .NET encodes every serial as a positive INTEGER; openssl writes the negative one a non-conformant CA would.
        var key = keys.Write("negative-serial.key", keys.P256.ExportPkcs8PrivateKeyPem());
        var certificate = Path.Combine(keys.Directory, "negative-serial.crt");
        OpenSsl.Run("req", "-x509", "-new", "-key", key, "-sha256", "-subj", "/CN=negative-serial", "-set_serial", "-0x9F0102", "-days", "2", "-addext", "basicConstraints=critical,CA:FALSE", "-addext", "keyUsage=critical,digitalSignature", "-out", certificate);

        IdentityAssert.ConfigurationError(() => Load(certificate, key, keys.Now), certificate, "serial number FF60FEFE", "negative", "RFC 5280");
    }

    [Fact]
    public void Load_HighBitSerialEncodedWithLeadingZero_Loads()
    {
        var (certificate, key) = Files("high-bit-serial", keys.P256Leaf, keys.P256);

        using var identity = Load(certificate, key, keys.Now);

        Assert.Equal(0x00, keys.P256Leaf.SerialNumberBytes.Span[0]);
        Assert.True(keys.P256Leaf.SerialNumberBytes.Span[1] >= 0x80);
        IdentityAssert.SignsFor(keys.P256Leaf, identity);
    }

    private static SigningIdentity Load(string certificate, string key, DateTimeOffset now) =>
        SigningIdentityLoader.Load(new RolesAnywhereOptions { CertificatePath = certificate, PrivateKeyPath = key }, new FakeTimeProvider(now));

    private (string Certificate, string Key) Files(string name, X509Certificate2 certificate, AsymmetricAlgorithm key) =>
        (keys.Write(name + ".crt", certificate.ExportCertificatePem()), keys.Write(name + ".key", key.ExportPkcs8PrivateKeyPem()));
}
