using RolesAnywhere.Credentials.Renewal;

namespace RolesAnywhere.Credentials.Tests.Renewal;

/// <summary>
/// Without a trust anchor certificate, the renewed certificate must come from the current certificate's issuer (same
/// name, same key): the real openssl as the CA, and a second CA with the very same name but its own key.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class IssuerPinTests
{
    [Fact]
    public async Task RenewIfDueAsync_NoTrustAnchorSameCa_Renews()
    {
        RenewalWorld.RequireOpenSsl();
        using var world = RenewalWorld.Due();

        var result = await new CertificateRenewer(NoAnchor(world, world.OpenSslIssuer())).RenewIfDueAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CertificateRenewalOutcome.Renewed, result.Outcome);
        Assert.DoesNotContain(result.Changes, c => c.Contains("issuer", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ca")]
    [InlineData("other-ca")]
    public async Task RenewIfDueAsync_NoTrustAnchorAnotherCa_IssuerCheckFailsAndNothingChanges(string otherName)
    {
        RenewalWorld.RequireOpenSsl();
        using var world = RenewalWorld.Due();
        var other = Path.Combine(world.Folder, "other");
        Directory.CreateDirectory(other);
        using var otherCa = RenewalCa.Create(other, otherName); // "ca": the same name as the current issuer, another key.
        var pair = world.Snapshot();

        var ex = await Assert.ThrowsAsync<CertificateRenewalException>(() =>
            new CertificateRenewer(NoAnchor(world, OpenSsl(otherCa))).RenewIfDueAsync(TestContext.Current.CancellationToken));

        Assert.Equal(CertificateRenewalStage.Verification, ex.Stage);
        Assert.StartsWith("issuer check failed: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("give TrustAnchorCertificatePath (the new certificate must chain to it) or set AcceptIssuerChange", ex.Message, StringComparison.Ordinal);
        world.AssertUnchanged(pair);
        Assert.False(File.Exists(world.CertificatePath + ".previous"));
    }

    [Fact]
    public async Task RenewIfDueAsync_AnotherCaAccepted_RenewsAndReportsTheChange()
    {
        RenewalWorld.RequireOpenSsl();
        using var world = RenewalWorld.Due();
        var other = Path.Combine(world.Folder, "other");
        Directory.CreateDirectory(other);
        using var otherCa = RenewalCa.Create(other, "ca");
        var options = NoAnchor(world, OpenSsl(otherCa));
        options.AcceptIssuerChange = true;

        var result = await new CertificateRenewer(options).RenewIfDueAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CertificateRenewalOutcome.Renewed, result.Outcome);
        var change = Assert.Single(result.Changes, c => c.StartsWith("the issuer changed from ", StringComparison.Ordinal));
        Assert.EndsWith("(accepted: AcceptIssuerChange)", change, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenewIfDueAsync_AnotherCaThatTheTrustAnchorIs_RenewsAndReportsTheChange()
    {
        RenewalWorld.RequireOpenSsl();
        using var world = RenewalWorld.Due();
        var other = Path.Combine(world.Folder, "other");
        Directory.CreateDirectory(other);
        using var otherCa = RenewalCa.Create(other, "ca"); // same name: the issuer's principal tags do not change
        var options = NoAnchor(world, OpenSsl(otherCa));
        options.TrustAnchorCertificatePath = otherCa.CertificatePath;

        var result = await new CertificateRenewer(options).RenewIfDueAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CertificateRenewalOutcome.Renewed, result.Outcome);
        Assert.Contains(result.Changes, c => c.StartsWith("the issuer changed from ", StringComparison.Ordinal) && c.EndsWith("(it chains to the trust anchor certificate)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RenewIfDueAsync_TrustAnchorCaWithAnotherName_IdentityCheckNamesTheIssuerTag()
    {
        RenewalWorld.RequireOpenSsl();
        using var world = RenewalWorld.Due();
        var other = Path.Combine(world.Folder, "other");
        Directory.CreateDirectory(other);
        using var otherCa = RenewalCa.Create(other, "new-ca");
        var options = NoAnchor(world, OpenSsl(otherCa));
        options.TrustAnchorCertificatePath = otherCa.CertificatePath;
        var pair = world.Snapshot();

        var ex = await Assert.ThrowsAsync<CertificateRenewalException>(() => new CertificateRenewer(options).RenewIfDueAsync(TestContext.Current.CancellationToken));

        Assert.Contains("identity check failed", ex.Message, StringComparison.Ordinal);
        Assert.Contains("x509Issuer/CN changes from 'ca' to 'new-ca'", ex.Message, StringComparison.Ordinal);
        world.AssertUnchanged(pair);
        options.AcceptIdentityChanges = true;

        var result = await new CertificateRenewer(options).RenewIfDueAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CertificateRenewalOutcome.Renewed, result.Outcome);
        Assert.Contains("x509Issuer/CN changes from 'ca' to 'new-ca' (accepted: AcceptIdentityChanges)", result.Changes);
    }

    [Fact]
    public void IsSignedBy_TheIssuersKeyOnly()
    {
        using var world = RenewalWorld.Due();
        using var twin = RenewalCa.Create(Directory.CreateDirectory(Path.Combine(world.Folder, "twin")).FullName, "ca");
        using var leaf = world.CurrentCertificate();

        Assert.True(IssuerPin.IsSignedBy(leaf, world.Ca.Certificate));
        Assert.False(IssuerPin.IsSignedBy(leaf, twin.Certificate));
        Assert.Null(IssuerPin.Check(leaf, leaf, []));
    }

    private static CertificateRenewalOptions NoAnchor(RenewalWorld world, ICertificateIssuer issuer)
    {
        var options = world.Options(issuer);
        options.TrustAnchorCertificatePath = null;
        return options;
    }

    private static CommandCertificateIssuer OpenSsl(RenewalCa ca) =>
        new("openssl", ["x509", "-req", "-CA", ca.CertificatePath, "-CAkey", ca.KeyPath, "-days", "30", "-copy_extensions", "copy"]);
}
