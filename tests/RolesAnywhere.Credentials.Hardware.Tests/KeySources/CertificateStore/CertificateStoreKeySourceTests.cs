using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.KeySources.CertificateStore;
using RolesAnywhere.Credentials.KeySources;
using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.Hardware.Tests.KeySources.CertificateStore;

public sealed class CertificateStoreKeySourceTests
{
    private static TestCertificateStore Store => TestCertificateStore.Instance;

    [Fact]
    public void Open_SubjectMatchesTwoUsable_ThrowsListingBoth()
    {
        var options = Options($"Key=x509Subject,Value={TestCertificateStore.AppSubject}");

        var ex = Assert.Throws<RolesAnywhereConfigurationException>(() => Open(options));

        Assert.Contains("2 certificates match", ex.Message, StringComparison.Ordinal);
        Assert.Contains(Store.Current.Thumbprint, ex.Message, StringComparison.Ordinal);
        Assert.Contains(Store.Renewed.Thumbprint, ex.Message, StringComparison.Ordinal);
        Assert.Contains("UseLatestExpiringCertificate", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Store.Expired.Thumbprint, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_UseLatestExpiring_PicksRenewedAndSigns()
    {
        var options = Options($"Key=x509Subject,Value={TestCertificateStore.AppSubject}");
        options.UseLatestExpiringCertificate = true;

        using var opened = Open(options);

        Assert.Equal(Store.Renewed.Thumbprint, opened.Certificate!.Thumbprint);
        Assert.Equal(SigningKeyAlgorithm.Rsa, opened.SigningKey.Algorithm);
        SigningAssert.Verifies(opened.SigningKey, Store.Renewed);
    }

    [Fact]
    public void Open_SerialOfExpiredCertificate_ThrowsSayingSkippedExpired()
    {
        var options = Options($"Key=x509Serial,Value={Store.Expired.SerialNumber}");

        var ex = Assert.Throws<RolesAnywhereConfigurationException>(() => Open(options));

        Assert.Contains("skipped: expired", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_ThumbprintOfKeyLessCertificate_ThrowsSayingNoPrivateKey()
    {
        var options = Options($"Key=thumbprint,Value={Store.KeyLess.Thumbprint}");

        var ex = Assert.Throws<RolesAnywhereConfigurationException>(() => Open(options));

        Assert.Contains("skipped: no private key", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_IssuerAndSubject_SelectsOtherAndSigns()
    {
        var options = Options($"Key=x509Subject,Value={TestCertificateStore.OtherSubject} Key=x509Issuer,Value={HardwareIssuer.Authority.Certificate.Subject}");

        using var opened = Open(options);

        Assert.Equal(Store.Other.Thumbprint, opened.Certificate!.Thumbprint);
        SigningAssert.Verifies(opened.SigningKey, Store.Other);
    }

    [Fact]
    public void Open_StoreNameOnly_SelectsTheOneUsableCertificate()
    {
        var options = new RolesAnywhereOptions { CertificateStoreName = Store.SingleStore };

        using var opened = Open(options);

        Assert.Equal(Store.Single.Thumbprint, opened.Certificate!.Thumbprint);
    }

    [Fact]
    public void Open_NoMatch_ThrowsNamingSelectorAndStore()
    {
        var options = Options("Key=x509Subject,Value=CN=nobody");

        var ex = Assert.Throws<RolesAnywhereConfigurationException>(() => Open(options));

        Assert.Contains("no certificate matches", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"CurrentUser\\{Store.MainStore}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_MissingStore_ThrowsNamingStore()
    {
        var options = new RolesAnywhereOptions { CertificateStoreName = "ra-no-such-store-" + Guid.NewGuid().ToString("N") };

        var ex = Assert.Throws<RolesAnywhereConfigurationException>(() => Open(options));

        Assert.Contains(options.CertificateStoreName, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_LocalMachineMyOffWindows_ThrowsWindowsOnly()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "LocalMachine\\My exists on Windows.");
        var options = Options("Key=x509Subject,Value=CN=x");
        options.CertificateStoreName = "My";
        options.CertificateStoreLocation = StoreLocation.LocalMachine;

        var ex = Assert.Throws<RolesAnywhereConfigurationException>(() => Open(options));

        Assert.Contains("only on Windows", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolver_SelectorWithCertificatePath_ThrowsConflict()
    {
        var options = Options("Key=x509Subject,Value=CN=x");
        options.CertificatePath = "/tmp/cert.pem";

        var ex = Assert.Throws<RolesAnywhereConfigurationException>(() => SigningKeySourceResolver.TryOpen(options, TimeProvider.System));

        Assert.Contains("CertificatePath", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadIdentity_FromStore_DisposingItReleasesTheStoreCertificate()
    {
        var options = Options($"Key=x509Subject,Value={TestCertificateStore.AppSubject}");
        options.UseLatestExpiringCertificate = true;
        var identity = RolesAnywhere.Credentials.Identity.SigningIdentityLoader.Load(options, TimeProvider.System);
        var certificate = identity.Certificate;
        Assert.Equal(Store.Renewed.Thumbprint, certificate.Thumbprint);

        identity.Dispose();

        Assert.Equal(IntPtr.Zero, certificate.Handle);
    }

    private static RolesAnywhereOptions Options(string selector) =>
        new() { CertificateSelector = selector, CertificateStoreName = Store.MainStore };

    private static OpenedSigningKey Open(RolesAnywhereOptions options) =>
        SigningKeySourceResolver.TryOpen(options, TimeProvider.System)!;
}
