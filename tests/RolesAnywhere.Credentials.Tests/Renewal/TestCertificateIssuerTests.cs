using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.Renewal;
using RolesAnywhere.Credentials.Testing.Certificates;
using RolesAnywhere.Credentials.Tests.Credentials;

namespace RolesAnywhere.Credentials.Tests.Renewal;

/// <summary>The Testing package's CA as the issuer of a renewal, with the emulator trusting it: what users' own tests do.</summary>
public sealed class TestCertificateIssuerTests : IAsyncLifetime
{
    private EmulatorWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await EmulatorWorld.StartAsync(TimeProvider.System);

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task RenewNowAsync_TestCertificateIssuer_NamesKeptAndTheCredentialsSignWithTheNewPair()
    {
        var options = WritePairWithNames();
        using var credentials = _world.Credentials(options);
        await credentials.GetCredentialsAsync();
        var issuer = new TestCertificateIssuer(_world.Root);
        var renewer = new CertificateRenewer(new CertificateRenewalOptions { CertificatePath = options.CertificatePath, PrivateKeyPath = options.PrivateKeyPath, Issuer = issuer }, credentials);

        var result = await renewer.RenewNowAsync(TestContext.Current.CancellationToken);
        credentials.ClearCredentials();
        await credentials.GetCredentialsAsync();

        Assert.Equal(CertificateRenewalOutcome.Renewed, result.Outcome);
        Assert.Empty(result.Changes);
        Assert.Equal(1, issuer.IssuedCount);
        using var renewed = X509Certificate2.CreateFromPem(File.ReadAllText(options.CertificatePath!));
        Assert.Equal(["DNS:app.example.internal", "URI:spiffe://example.internal/app"], SubjectAlternativeNames.Of(renewed));
        Assert.Equal("CN=app, O=Example", renewed.Subject);
        var sessions = _world.SessionRequests;
        Assert.Equal([201, 201, 201], sessions.Select(s => s.StatusCode)); // the old pair, the proof, the credentials with the new pair
        Assert.Equal(Convert.ToBase64String(renewed.RawData), sessions[2].Headers["X-Amz-X509"]);
    }

    [Fact]
    public async Task RenewNowAsync_TestCertificateIssuerChangesTheSubject_RefusedByTheIdentityCheck()
    {
        var options = WritePairWithNames();
        var before = File.ReadAllBytes(options.CertificatePath!);
        var issuer = new TestCertificateIssuer(_world.Root, new TestCertificateOptions { SubjectName = "CN=someone-else" });
        var renewer = new CertificateRenewer(new CertificateRenewalOptions { CertificatePath = options.CertificatePath, PrivateKeyPath = options.PrivateKeyPath, Issuer = issuer });

        var ex = await Assert.ThrowsAsync<CertificateRenewalException>(() => renewer.RenewNowAsync(TestContext.Current.CancellationToken));

        Assert.Equal(CertificateRenewalStage.Verification, ex.Stage);
        Assert.Contains("identity check failed", ex.Message, StringComparison.Ordinal);
        Assert.Contains("the source identity changes from 'CN=", ex.Message, StringComparison.Ordinal);
        Assert.Contains("to 'CN=someone-else'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(options.CertificatePath!));
    }

    [Fact]
    public async Task IssueAsync_RequestWithABrokenSignature_RefusedAsIssuance()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var der = new CertificateRequest("CN=app", key, HashAlgorithmName.SHA256).CreateSigningRequest();
        der[^1] ^= 0x01;
        var request = new CertificateSigningRequest(der, PemEncoding.WriteString("CERTIFICATE REQUEST", der), new X500DistinguishedName("CN=app"), []);

        var ex = await Assert.ThrowsAsync<CertificateRenewalException>(() => new TestCertificateIssuer(_world.Root).IssueAsync(request, TestContext.Current.CancellationToken));

        Assert.Equal(CertificateRenewalStage.Issuance, ex.Stage);
        Assert.Contains("refused the request", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>Writes a pair whose certificate the test CA issued through the issuer itself, with a DNS and a URI name.</summary>
    private RolesAnywhereOptions WritePairWithNames()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var csr = new CertificateRequest("CN=app, O=Example", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("app.example.internal");
        names.AddUri(new Uri("spiffe://example.internal/app"));
        csr.CertificateExtensions.Add(names.Build());
        var der = csr.CreateSigningRequest();
        var request = new CertificateSigningRequest(der, PemEncoding.WriteString("CERTIFICATE REQUEST", der), csr.SubjectName, []);
        var now = DateTimeOffset.UtcNow;
        var tenDaysLeft = new TestCertificateOptions { NotBefore = now.AddDays(-20), NotAfter = now.AddDays(10) };
        using var issued = new TestCertificateIssuer(_world.Root, tenDaysLeft).IssueAsync(request, CancellationToken.None).GetAwaiter().GetResult().Certificate;
        using var leaf = issued.CopyWithPrivateKey(key);
        return _world.OptionsFor(leaf);
    }
}
