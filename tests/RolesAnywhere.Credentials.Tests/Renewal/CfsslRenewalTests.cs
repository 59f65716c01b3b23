using RolesAnywhere.Credentials.Identity;
using RolesAnywhere.Credentials.Renewal;

namespace RolesAnywhere.Credentials.Tests.Renewal;

/// <summary>Renewals through the CFSSL REST API of a real <c>cfssl serve</c>.</summary>
public sealed class CfsslRenewalTests(CfsslServer cfssl) : IClassFixture<CfsslServer>
{
    [Fact]
    public async Task RenewIfDueAsync_Sign_InstallsCertificateFromCfssl()
    {
        cfssl.Require();
        using var world = Due();
        using var before = world.CurrentCertificate();
        using var issuer = new CfsslCertificateIssuer(cfssl.Url);

        var result = await new CertificateRenewer(world.Options(issuer)).RenewIfDueAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CertificateRenewalOutcome.Renewed, result.Outcome);
        using var after = world.CurrentCertificate();
        Assert.Equal(result.Serial, after.SerialNumber);
        Assert.Equal(cfssl.Ca.Certificate.Subject, after.Issuer);
        Assert.Equal(before.Subject, after.Subject);
        Assert.Equal(SubjectAlternativeNames.Of(before), SubjectAlternativeNames.Of(after));
        Assert.InRange((after.NotAfter - after.NotBefore).TotalHours, 720, 726);
        using var identity = SigningIdentity.FromFiles(world.CertificatePath, world.KeyPath);
    }

    [Fact]
    public async Task RenewIfDueAsync_AuthsignWithProfile_UsesTheProfile()
    {
        cfssl.Require();
        using var world = Due();
        using var issuer = new CfsslCertificateIssuer(cfssl.Url, profile: "authed", authKey: cfssl.AuthKey);

        var result = await new CertificateRenewer(world.Options(issuer)).RenewIfDueAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CertificateRenewalOutcome.Renewed, result.Outcome);
    }

    [Fact]
    public async Task RenewIfDueAsync_ProfileNeedsAuthButNoKey_RefusalQuoted_OldPairIntact()
    {
        cfssl.Require();
        using var world = Due();
        var pair = world.Snapshot();
        using var issuer = new CfsslCertificateIssuer(cfssl.Url, profile: "authed");

        var ex = await Assert.ThrowsAsync<CertificateRenewalException>(() => new CertificateRenewer(world.Options(issuer)).RenewIfDueAsync(TestContext.Current.CancellationToken));

        Assert.Equal(CertificateRenewalStage.Issuance, ex.Stage);
        Assert.Contains("refused to sign (HTTP 400: 400 authentication required)", ex.Message, StringComparison.Ordinal);
        world.AssertUnchanged(pair);
    }

    [Fact]
    public async Task RenewIfDueAsync_WrongAuthKey_Refused_OldPairIntact()
    {
        cfssl.Require();
        using var world = Due();
        var pair = world.Snapshot();
        using var issuer = new CfsslCertificateIssuer(cfssl.Url, profile: "authed", authKey: "00112233445566778899aabbccddeeff");

        var ex = await Assert.ThrowsAsync<CertificateRenewalException>(() => new CertificateRenewer(world.Options(issuer)).RenewIfDueAsync(TestContext.Current.CancellationToken));

        Assert.Equal(CertificateRenewalStage.Issuance, ex.Stage);
        Assert.Contains("refused to sign", ex.Message, StringComparison.Ordinal);
        world.AssertUnchanged(pair);
    }

    [Fact]
    public async Task RenewIfDueAsync_ShortProfile_InstalledAndShorterValidityReported()
    {
        cfssl.Require();
        using var world = Due();
        using var issuer = new CfsslCertificateIssuer(cfssl.Url, profile: "short");

        var result = await new CertificateRenewer(world.Options(issuer)).RenewIfDueAsync(TestContext.Current.CancellationToken);

        Assert.Contains(result.Changes, c => c.Contains("shortened the validity to 10", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RenewIfDueAsync_IssuerDown_ClearError_OldPairIntact()
    {
        using var world = Due();
        var pair = world.Snapshot();
        using var issuer = new CfsslCertificateIssuer(new Uri($"http://127.0.0.1:{CfsslServer.FreePort()}"));

        var ex = await Assert.ThrowsAsync<CertificateRenewalException>(() => new CertificateRenewer(world.Options(issuer)).RenewIfDueAsync(TestContext.Current.CancellationToken));

        Assert.Equal(CertificateRenewalStage.Issuance, ex.Stage);
        Assert.Contains("cannot be reached", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was replaced", ex.Message, StringComparison.Ordinal);
        world.AssertUnchanged(pair);
    }

    [Fact]
    public void Constructor_AuthKeyNotHex_RefusedWithoutEchoingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => new CfsslCertificateIssuer(new Uri("http://127.0.0.1:1"), authKey: "not-hex-secret"));

        Assert.DoesNotContain("not-hex-secret", ex.Message, StringComparison.Ordinal);
        Assert.Contains("hexadecimal", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenewIfDueAsync_CfsslDropsUriName_RefusedByIdentityCheck_OldPairIntact()
    {
        // Debian's cfssl (1.2) does not copy URI names from the request: a real CA dropping a SAN.
        cfssl.Require();
        using var world = Due(uriName: true);
        var pair = world.Snapshot();
        using var issuer = new CfsslCertificateIssuer(cfssl.Url);

        var ex = await Assert.ThrowsAsync<CertificateRenewalException>(() => new CertificateRenewer(world.Options(issuer)).RenewIfDueAsync(TestContext.Current.CancellationToken));

        Assert.Equal(CertificateRenewalStage.Verification, ex.Stage);
        Assert.Contains("identity check failed: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(": x509SAN/URI 'spiffe://example.internal/workload' is dropped.", ex.Message, StringComparison.Ordinal);
        world.AssertUnchanged(pair);
    }

    /// <summary>A due pair issued by the CFSSL server's CA (names: a DNS name and an IP address, unless <paramref name="uriName"/>), with that CA as the trust anchor.</summary>
    private RenewalWorld Due(bool uriName = false)
    {
        var world = RenewalWorld.Due();
        world.UseCa(cfssl.Ca, uriName);
        return world;
    }
}
