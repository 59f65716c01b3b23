using RolesAnywhere.Credentials.Pkcs11;

namespace RolesAnywhere.Credentials.Hardware.Tests.Pkcs11;

/// <summary>
/// Reading a certificate object from a SoftHSM2 token without its key. The PIN token is never logged into by
/// any test (PKCS#11 keeps a login for the whole process), so reads from it prove no login is needed.
/// </summary>
public sealed class Pkcs11CertificateTests
{
    [Fact]
    public void Read_ByLabelWithoutPin_ReturnsThePublicCertificate()
    {
        var hsm = SoftHsm.Require();

        using var certificate = Pkcs11Certificate.Read(SoftHsm.Uri("object=public-cert", SoftHsm.PinToken, pin: null));

        Assert.Equal(hsm.RsaCertificate.RawData, certificate.RawData);
    }

    [Fact]
    public void Read_ByIdWithModuleFromOptions_ReturnsTheCertificate()
    {
        var hsm = SoftHsm.Require();

        using var certificate = Pkcs11Certificate.Read($"pkcs11:token={SoftHsm.MainToken};id=%02", new Pkcs11SigningKeyOptions { ModulePath = SoftHsm.ModulePath });

        Assert.Equal(hsm.P256Certificate.RawData, certificate.RawData);
    }

    [Fact]
    public void Read_NoSuchCertificate_ListsThoseOnTheTokenAndSuggestsAPin()
    {
        SoftHsm.Require();

        var ex = Assert.Throws<RolesAnywherePkcs11Exception>(() => Pkcs11Certificate.Read(SoftHsm.Uri("object=absent", SoftHsm.PinToken, pin: null)));

        Assert.Contains("No certificate matches", ex.Message, StringComparison.Ordinal);
        Assert.Contains("public-cert", ex.Message, StringComparison.Ordinal);
        Assert.Contains("pin-value", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UriNamingNoObject_ThrowsAskingForObjectOrId()
    {
        SoftHsm.Require();

        var ex = Assert.Throws<RolesAnywherePkcs11Exception>(() => Pkcs11Certificate.Read($"pkcs11:token={SoftHsm.PinToken}?module-path={SoftHsm.ModulePath}"));

        Assert.Contains("object=", ex.Message, StringComparison.Ordinal);
        Assert.Contains("id=", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PrivateKeyType_ThrowsNamingTheType()
    {
        SoftHsm.Require();

        var ex = Assert.Throws<RolesAnywherePkcs11Exception>(() => Pkcs11Certificate.Read(SoftHsm.Uri("object=rsa;type=private")));

        Assert.Contains("type=cert", ex.Message, StringComparison.Ordinal);
    }
}
