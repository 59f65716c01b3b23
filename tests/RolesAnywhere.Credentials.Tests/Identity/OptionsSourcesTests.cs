using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography;
using RolesAnywhere.Credentials.Identity;
using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.Tests.Identity;

public sealed class OptionsSourcesTests(KeyMaterialFixture keys) : IClassFixture<KeyMaterialFixture>
{
    [Fact]
    public void Load_NothingConfigured_ListsCertificateSettings()
    {
        IdentityAssert.ConfigurationError(
            () => SigningIdentityLoader.Load(new RolesAnywhereOptions(), TimeProvider.System),
            "No certificate is configured",
            "CertificatePath",
            "CertificateData",
            "Certificate.");
    }

    [Fact]
    public void Load_SeveralSourcesForEachPart_ReportsAllConflictsAtOnce()
    {
        using var signingKey = new AsymmetricSigningKey(CopyOf(keys.P256));
        var options = new RolesAnywhereOptions
        {
            CertificatePath = "cert.pem",
            CertificateData = "MIIB",
            PrivateKeyPath = "key.pem",
            SigningKey = signingKey,
            IntermediatesPath = "chain.pem",
            IntermediatesData = "-----BEGIN CERTIFICATE-----",
        };

        IdentityAssert.ConfigurationError(
            () => SigningIdentityLoader.Load(options, TimeProvider.System),
            "The certificate is configured more than once (CertificatePath, CertificateData)",
            "The private key is configured more than once (PrivateKeyPath, SigningKey)",
            "The intermediate certificates are configured more than once (IntermediatesPath, IntermediatesData)".Replace("are", "is", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_BlankSettingsFromConfiguration_AreIgnored()
    {
        var options = new RolesAnywhereOptions
        {
            CertificatePath = keys.Write("blank.crt", keys.P256Leaf.ExportCertificatePem()),
            CertificateData = "  ",
            PrivateKeyPath = keys.Write("blank.key", keys.P256.ExportPkcs8PrivateKeyPem()),
            PrivateKeyData = string.Empty,
            PrivateKeyPassword = string.Empty,
            IntermediatesPath = " ",
        };

        using var identity = SigningIdentityLoader.Load(options, TimeProvider.System);

        IdentityAssert.SignsFor(keys.P256Leaf, identity);
    }

    [Fact]
    public void Load_ExternalSigningKey_IsValidatedAndNotDisposed()
    {
        using var signingKey = new AsymmetricSigningKey(CopyOf(keys.P384));
        var identity = SigningIdentityLoader.Load(
            new RolesAnywhereOptions { CertificateData = keys.P384Leaf.ExportCertificatePem(), SigningKey = signingKey },
            TimeProvider.System);

        Assert.Same(signingKey, identity.SigningKey);
        identity.Dispose();

        Assert.True(signingKey.TrySign([1, 2, 3], new byte[signingKey.MaxSignatureSizeInBytes], out _));
    }

    [Fact]
    public void Load_ExternalSigningKeyOfAnotherCertificate_IsRejectedBeforeAnyRequest()
    {
        using var signingKey = new AsymmetricSigningKey(CopyOf(keys.OtherP256));

        IdentityAssert.ConfigurationError(
            () => SigningIdentityLoader.Load(new RolesAnywhereOptions { CertificateData = keys.P256Leaf.ExportCertificatePem(), SigningKey = signingKey }, TimeProvider.System),
            "The private key from SigningKey does not belong to the certificate from CertificateData");
    }

    [Fact]
    public void Load_CertificateObjectWithPrivateKeyAndIntermediateObjects_Loads()
    {
        using var withKey = keys.RsaLeaf.CopyWithPrivateKey(keys.Rsa);
        var options = new RolesAnywhereOptions { Certificate = withKey, Intermediates = [keys.Intermediate, keys.Root] };

        using (var identity = SigningIdentityLoader.Load(options, TimeProvider.System))
        {
            IdentityAssert.SignsFor(keys.RsaLeaf, identity);
            IdentityAssert.SameCertificates([keys.Intermediate], identity.Intermediates);
        }

        // The caller's certificate objects are not disposed with the identity.
        Assert.NotNull(withKey.GetRSAPrivateKey());
        Assert.NotEmpty(keys.Intermediate.RawData);
    }

    [Fact]
    public void Load_CertificateObjectWithoutKey_AsksForKey()
    {
        IdentityAssert.ConfigurationError(
            () => SigningIdentityLoader.Load(new RolesAnywhereOptions { Certificate = keys.P256Leaf }, TimeProvider.System),
            "No private key is configured, and the certificate source (the Certificate object) holds none");
    }

    [Fact]
    public void Load_Pkcs11UriWithoutPackage_NamesPackageAndHidesPin()
    {
        var options = new RolesAnywhereOptions
        {
            CertificateData = keys.P256Leaf.ExportCertificatePem(),
            PrivateKeyPath = "pkcs11:token=workload;object=signing-key;pin-value=4321?pin-value=98765",
        };

        var message = IdentityAssert.ConfigurationError(
            () => SigningIdentityLoader.Load(options, TimeProvider.System),
            "PrivateKeyPath",
            "RolesAnywhere.Credentials.Pkcs11");
        Assert.DoesNotContain("98765", message, StringComparison.Ordinal);
        Assert.DoesNotContain("4321", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_ShowsPublicDataOnly()
    {
        using var identity = SigningIdentity.FromPem(keys.P256Leaf.ExportCertificatePem(), keys.P256.ExportPkcs8PrivateKeyPem(), keys.Intermediate.ExportCertificatePem());

        var text = identity.ToString();

        Assert.Contains("CN=p256-workload", text, StringComparison.Ordinal);
        Assert.Contains("Key=Ecdsa", text, StringComparison.Ordinal);
        Assert.Contains("Intermediates=1", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(keys.P256.ExportECPrivateKey())[..16], text, StringComparison.Ordinal);
    }

    private static ECDsa CopyOf(ECDsa key)
    {
        var copy = ECDsa.Create();
        copy.ImportParameters(key.ExportParameters(includePrivateParameters: true));
        return copy;
    }
}
