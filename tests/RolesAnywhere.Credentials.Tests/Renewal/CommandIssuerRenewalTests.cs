using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography;
using RolesAnywhere.Credentials.Identity;
using RolesAnywhere.Credentials.Renewal;

namespace RolesAnywhere.Credentials.Tests.Renewal;

/// <summary>Renewals against the real <c>openssl</c> as the CA, run as the command issuer.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CommandIssuerRenewalTests
{
    [Fact]
    public async Task RenewIfDueAsync_DueCertificate_InstallsNewKeyAndCertificateFromOpenSsl()
    {
        RenewalWorld.RequireOpenSsl();
        using var world = RenewalWorld.Due();
        using var before = world.CurrentCertificate();
        var oldKey = File.ReadAllBytes(world.KeyPath);
        var oldPair = world.Snapshot();

        var result = await new CertificateRenewer(world.Options(world.OpenSslIssuer())).RenewIfDueAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CertificateRenewalOutcome.Renewed, result.Outcome);
        Assert.Equal(before.SerialNumber, result.PreviousSerial);
        using var after = world.CurrentCertificate();
        Assert.Equal(after.SerialNumber, result.Serial);
        Assert.NotEqual(before.SerialNumber, after.SerialNumber);
        Assert.NotEqual(before.PublicKey.ExportSubjectPublicKeyInfo(), after.PublicKey.ExportSubjectPublicKeyInfo());
        Assert.Equal(before.Subject, after.Subject);
        Assert.Equal(["DNS:workload.example.internal", "URI:spiffe://example.internal/workload"], SubjectAlternativeNames.Of(after));
        Assert.Empty(result.Changes);
        Assert.True(result.NotAfter > DateTimeOffset.UtcNow.AddDays(29));
        Assert.StartsWith("renewed: serial " + before.SerialNumber + " -> " + after.SerialNumber + ", valid until ", result.ToString(), StringComparison.Ordinal);

        // The new pair loads with the library's own loader; the new key is PKCS#8, EC P-256 like the old one.
        using var identity = SigningIdentity.FromFiles(world.CertificatePath, world.KeyPath);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(world.KeyPath), StringComparison.Ordinal);
        using var newKey = ECDsa.Create();
        newKey.ImportFromPem(File.ReadAllText(world.KeyPath));
        Assert.Equal(256, newKey.KeySize);
        Assert.NotEqual(oldKey, File.ReadAllBytes(world.KeyPath));

        // The previous pair is kept, and the modes are the previous files' ones.
        Assert.Equal(oldPair.Certificate, File.ReadAllBytes(world.CertificatePath + ".previous"));
        Assert.Equal(oldPair.Key, File.ReadAllBytes(world.KeyPath + ".previous"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(world.KeyPath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(world.KeyPath + ".previous"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(world.CertificatePath));
        Assert.Empty(Directory.GetFiles(world.Folder, ".*renewing"));
        Assert.Empty(Directory.GetFiles(world.Folder, ".*journal"));
    }

    [Fact]
    public async Task RenewIfDueAsync_NotDue_ChangesNothingAndSaysWhenDue()
    {
        using var world = RenewalWorld.Create(TimeSpan.FromDays(1), TimeSpan.FromDays(29));
        var pair = world.Snapshot();
        using var certificate = world.CurrentCertificate();

        var renewer = new CertificateRenewer(world.Options(new CommandCertificateIssuer("/bin/false", [])));
        var result = await renewer.RenewIfDueAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CertificateRenewalOutcome.NotDue, result.Outcome);
        world.AssertUnchanged(pair);
        var lifetime = certificate.NotAfter - certificate.NotBefore;
        var earliest = new DateTimeOffset(certificate.NotBefore.ToUniversalTime()) + (lifetime * (2.0 / 3 - 0.05));
        var latest = new DateTimeOffset(certificate.NotBefore.ToUniversalTime()) + (lifetime * (2.0 / 3 + 0.05));
        Assert.InRange(result.DueAt, earliest, latest);
        Assert.Equal(result.DueAt, renewer.GetDueTime());
        Assert.Equal($"not due until {result.DueAt:yyyy-MM-ddTHH:mm:ssZ}", result.ToString());
    }

    [Fact]
    public async Task RenewNowAsync_NotDue_RenewsAnyway()
    {
        RenewalWorld.RequireOpenSsl();
        using var world = RenewalWorld.Create(TimeSpan.FromDays(1), TimeSpan.FromDays(29));

        var result = await new CertificateRenewer(world.Options(world.OpenSslIssuer(days: 45))).RenewNowAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CertificateRenewalOutcome.Renewed, result.Outcome);
        Assert.Equal(result.Serial, world.CurrentCertificate().SerialNumber);
    }

    [Fact]
    public async Task RenewNowAsync_NewValidityNotLonger_RekeysProvesAndReports()
    {
        RenewalWorld.RequireOpenSsl();
        using var world = RenewalWorld.Create(TimeSpan.FromDays(1), TimeSpan.FromDays(29));
        var oldKey = File.ReadAllBytes(world.KeyPath);
        var renewer = new CertificateRenewer(world.Options(world.OpenSslIssuer(days: 10)));
        var proofs = 0;
        renewer.SessionProof = (proposed, _) =>
        {
            Interlocked.Increment(ref proofs);
            Assert.NotEqual(world.CurrentCertificate().SerialNumber, proposed.Certificate.SerialNumber); // proven before the swap
            return Task.CompletedTask;
        };

        var result = await renewer.RenewNowAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CertificateRenewalOutcome.Renewed, result.Outcome);
        Assert.Equal(1, proofs);
        Assert.NotEqual(oldKey, File.ReadAllBytes(world.KeyPath));
        Assert.Contains(result.Changes, c => c.Contains("no later than the previous one", StringComparison.Ordinal) && c.Contains("the renewal was forced (a new key)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RenewIfDueAsync_NewValidityNotLonger_RefusedNamingTheForcedRenewal()
    {
        RenewalWorld.RequireOpenSsl();
        using var world = RenewalWorld.Due();
        var pair = world.Snapshot();

        var ex = await Assert.ThrowsAsync<CertificateRenewalException>(() => new CertificateRenewer(world.Options(world.OpenSslIssuer(days: 2))).RenewIfDueAsync(TestContext.Current.CancellationToken));

        Assert.Equal(CertificateRenewalStage.Verification, ex.Stage);
        Assert.Contains("renewing would gain nothing", ex.Message, StringComparison.Ordinal);
        Assert.Contains("renew --force", ex.Message, StringComparison.Ordinal);
        world.AssertUnchanged(pair);
    }

    [Theory]
    [InlineData(RenewalKeyAlgorithm.Rsa2048, false, "RSA", 2048)]
    [InlineData(RenewalKeyAlgorithm.Same, true, "RSA", 2048)]
    [InlineData(RenewalKeyAlgorithm.EcP384, false, "EC", 384)]
    public async Task RenewIfDueAsync_KeyAlgorithm_NewKeyOfThatKind(RenewalKeyAlgorithm algorithm, bool currentIsRsa, string family, int size)
    {
        RenewalWorld.RequireOpenSsl();
        using var world = RenewalWorld.Due(rsa: currentIsRsa);
        var options = world.Options(world.OpenSslIssuer());
        options.KeyAlgorithm = algorithm;

        await new CertificateRenewer(options).RenewIfDueAsync(TestContext.Current.CancellationToken);

        using var after = world.CurrentCertificate();
        using AsymmetricAlgorithm key = family == "RSA" ? after.GetRSAPublicKey()! : after.GetECDsaPublicKey()!;
        Assert.NotNull(key);
        Assert.Equal(size, key.KeySize);
        using var identity = SigningIdentity.FromFiles(world.CertificatePath, world.KeyPath);
    }

    [Fact]
    public async Task RenewIfDueAsync_EncryptedKey_NewKeyEncryptedWithTheSamePassword()
    {
        RenewalWorld.RequireOpenSsl();
        using var world = RenewalWorld.Due(password: "correct horse");
        var options = world.Options(world.OpenSslIssuer());
        options.PrivateKeyPassword = "correct horse";

        await new CertificateRenewer(options).RenewIfDueAsync(TestContext.Current.CancellationToken);

        Assert.StartsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----", File.ReadAllText(world.KeyPath), StringComparison.Ordinal);
        using var identity = SigningIdentity.FromFiles(world.CertificatePath, world.KeyPath, password: "correct horse");
    }

    [Fact]
    public async Task RenewIfDueAsync_CommandReadsCsrFile_WorksWithoutStandardInput()
    {
        RenewalWorld.RequireOpenSsl();
        using var world = RenewalWorld.Due();
        var issuer = CommandCertificateIssuer.Shell($"openssl x509 -req -in \"$ROLESANYWHERE_CSR_FILE\" -CA '{world.Ca.CertificatePath}' -CAkey '{world.Ca.KeyPath}' -days 30 -copy_extensions copy 2>/dev/null");

        var result = await new CertificateRenewer(world.Options(issuer)).RenewIfDueAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CertificateRenewalOutcome.Renewed, result.Outcome);
    }

    [Fact]
    public async Task RenewIfDueAsync_CaShortensValidity_InstalledAndReported()
    {
        RenewalWorld.RequireOpenSsl();
        using var world = RenewalWorld.Due();

        var result = await new CertificateRenewer(world.Options(world.OpenSslIssuer(days: 10))).RenewIfDueAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CertificateRenewalOutcome.Renewed, result.Outcome);
        var change = Assert.Single(result.Changes);
        Assert.Contains("shortened the validity to 10 days (the previous certificate had 30 days)", change, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenewIfDueAsync_CaDropsNames_RefusedAndReported_OldPairIntact()
    {
        RenewalWorld.RequireOpenSsl();
        using var world = RenewalWorld.Due();
        var pair = world.Snapshot();

        var ex = await Assert.ThrowsAsync<CertificateRenewalException>(() => new CertificateRenewer(world.Options(world.OpenSslIssuer(copyNames: false))).RenewIfDueAsync(TestContext.Current.CancellationToken));

        Assert.Equal(CertificateRenewalStage.Verification, ex.Stage);
        Assert.Contains("identity check failed", ex.Message, StringComparison.Ordinal);
        Assert.Contains("x509SAN/DNS 'workload.example.internal' is dropped; x509SAN/URI 'spiffe://example.internal/workload' is dropped", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was replaced", ex.Message, StringComparison.Ordinal);
        world.AssertUnchanged(pair);
    }

    [Fact]
    public async Task RenewIfDueAsync_CaDropsNames_AcceptedWhenAllowed_AndReported()
    {
        RenewalWorld.RequireOpenSsl();
        using var world = RenewalWorld.Due();
        var options = world.Options(world.OpenSslIssuer(copyNames: false));
        options.AcceptIdentityChanges = true;

        var result = await new CertificateRenewer(options).RenewIfDueAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CertificateRenewalOutcome.Renewed, result.Outcome);
        Assert.Contains("x509SAN/DNS 'workload.example.internal' is dropped (accepted: AcceptIdentityChanges)", result.Changes);
    }

    [Fact]
    public async Task RenewIfDueAsync_CertificateForAnotherKey_Refused_OldPairIntact()
    {
        RenewalWorld.RequireOpenSsl();
        using var world = RenewalWorld.Due();
        var pair = world.Snapshot();
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = world.Ca.Issue(otherKey, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(30));
        var otherPath = Path.Combine(world.Folder, "other.pem");
        File.WriteAllText(otherPath, other.ExportCertificatePem());

        var ex = await Assert.ThrowsAsync<CertificateRenewalException>(() => new CertificateRenewer(world.Options(new CommandCertificateIssuer("cat", [otherPath]))).RenewIfDueAsync(TestContext.Current.CancellationToken));

        Assert.Equal(CertificateRenewalStage.Verification, ex.Stage);
        Assert.Contains("key check failed", ex.Message, StringComparison.Ordinal);
        Assert.Contains(other.SerialNumber, ex.Message, StringComparison.Ordinal);
        world.AssertUnchanged(pair);
    }

    [Fact]
    public async Task RenewIfDueAsync_NotChainingToTrustAnchor_Refused_OldPairIntact()
    {
        RenewalWorld.RequireOpenSsl();
        using var world = RenewalWorld.Due();
        var pair = world.Snapshot();
        using var otherCa = RenewalCa.Create(world.Folder, "other-ca");
        var issuer = new CommandCertificateIssuer("openssl", ["x509", "-req", "-CA", otherCa.CertificatePath, "-CAkey", otherCa.KeyPath, "-days", "30", "-copy_extensions", "copy"]);

        var ex = await Assert.ThrowsAsync<CertificateRenewalException>(() => new CertificateRenewer(world.Options(issuer)).RenewIfDueAsync(TestContext.Current.CancellationToken));

        Assert.Equal(CertificateRenewalStage.Verification, ex.Stage);
        Assert.Contains("chain check failed", ex.Message, StringComparison.Ordinal);
        Assert.Contains("CN=other-ca", ex.Message, StringComparison.Ordinal);
        world.AssertUnchanged(pair);
    }

    [Fact]
    public async Task RenewIfDueAsync_CommandFails_StderrQuotedWithoutControlCharacters_OldPairIntact()
    {
        using var world = RenewalWorld.Due();
        var pair = world.Snapshot();
        var issuer = CommandCertificateIssuer.Shell("printf 'ca says no\\033[31m red\\nsecond line\\n' >&2; exit 3");

        var ex = await Assert.ThrowsAsync<CertificateRenewalException>(() => new CertificateRenewer(world.Options(issuer)).RenewIfDueAsync(TestContext.Current.CancellationToken));

        Assert.Equal(CertificateRenewalStage.Issuance, ex.Stage);
        Assert.Contains("exit code 3: ca says no\\x1b[31m red | second line", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', ex.Message);
        world.AssertUnchanged(pair);
    }

    [Fact]
    public async Task RenewIfDueAsync_CommandMissing_SaysSo_OldPairIntact()
    {
        using var world = RenewalWorld.Due();
        var pair = world.Snapshot();

        var ex = await Assert.ThrowsAsync<CertificateRenewalException>(() => new CertificateRenewer(world.Options(new CommandCertificateIssuer("/nonexistent/issuer", []))).RenewIfDueAsync(TestContext.Current.CancellationToken));

        Assert.Equal(CertificateRenewalStage.Issuance, ex.Stage);
        Assert.Contains("'/nonexistent/issuer' cannot be started", ex.Message, StringComparison.Ordinal);
        world.AssertUnchanged(pair);
    }

    [Fact]
    public async Task RenewIfDueAsync_CommandPrintsNoCertificate_SaysSo()
    {
        using var world = RenewalWorld.Due();
        var pair = world.Snapshot();

        var ex = await Assert.ThrowsAsync<CertificateRenewalException>(() => new CertificateRenewer(world.Options(new CommandCertificateIssuer("echo", ["hello"]))).RenewIfDueAsync(TestContext.Current.CancellationToken));

        Assert.Equal(CertificateRenewalStage.Issuance, ex.Stage);
        Assert.Contains("returned no PEM certificate", ex.Message, StringComparison.Ordinal);
        world.AssertUnchanged(pair);
    }

    [Fact]
    public async Task RenewIfDueAsync_CommandHangs_StoppedAfterTimeout()
    {
        using var world = RenewalWorld.Due();
        var pair = world.Snapshot();
        var issuer = new CommandCertificateIssuer("sleep", ["30"]) { Timeout = TimeSpan.FromMilliseconds(300) };

        var ex = await Assert.ThrowsAsync<CertificateRenewalException>(() => new CertificateRenewer(world.Options(issuer)).RenewIfDueAsync(TestContext.Current.CancellationToken));

        Assert.Contains("did not finish within", ex.Message, StringComparison.Ordinal);
        world.AssertUnchanged(pair);
    }

    [Fact]
    public async Task RenewIfDueAsync_TwoRenewersAtOnce_OneRenews_TheOtherSeesTheNewPair()
    {
        RenewalWorld.RequireOpenSsl();
        using var world = RenewalWorld.Due();
        // The CA takes a moment, so that both renewers have read the old certificate before either swaps.
        var slow = CommandCertificateIssuer.Shell($"sleep 0.5; openssl x509 -req -CA '{world.Ca.CertificatePath}' -CAkey '{world.Ca.KeyPath}' -days 30 -copy_extensions copy 2>/dev/null");

        var results = await Task.WhenAll(
            Task.Run(() => new CertificateRenewer(world.Options(slow)).RenewIfDueAsync(TestContext.Current.CancellationToken)),
            Task.Run(() => new CertificateRenewer(world.Options(slow)).RenewIfDueAsync(TestContext.Current.CancellationToken)));

        var renewed = Assert.Single(results, r => r.Outcome == CertificateRenewalOutcome.Renewed);
        var other = Assert.Single(results, r => r.Outcome != CertificateRenewalOutcome.Renewed);
        Assert.Equal(CertificateRenewalOutcome.RenewedElsewhere, other.Outcome);
        Assert.Equal(renewed.Serial, other.Serial);
        Assert.Equal(renewed.Serial, world.CurrentCertificate().SerialNumber);
        using var identity = SigningIdentity.FromFiles(world.CertificatePath, world.KeyPath);
    }

    [Theory]
    [InlineData("pkcs11:token=t;object=k")]
    [InlineData("handle:0x81000001")]
    public void Constructor_HardwareKey_RefusedWithClearMessage(string key)
    {
        var ex = Assert.Throws<CertificateRenewalException>(() => new CertificateRenewer(new CertificateRenewalOptions { CertificatePath = "c.pem", PrivateKeyPath = key, Issuer = new CommandCertificateIssuer("true", []) }));

        Assert.Equal(CertificateRenewalStage.Configuration, ex.Stage);
        Assert.Contains("PKCS#11 token or a TPM", ex.Message, StringComparison.Ordinal);
        Assert.Contains("will not replace a hardware key with a file", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_EveryProblemListed()
    {
        var ex = Assert.Throws<CertificateRenewalException>(() => new CertificateRenewer(new CertificateRenewalOptions { RenewAt = 1.5, Jitter = -1 }));

        Assert.Contains("CertificatePath is required", ex.Message, StringComparison.Ordinal);
        Assert.Contains("PrivateKeyPath is required", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Issuer is required", ex.Message, StringComparison.Ordinal);
        Assert.Contains("RenewAt must be", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Jitter must be", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Constructor_NullCredentials_CompilesUnambiguouslyAndRenewsWithoutASessionCheck()
    {
        RenewalWorld.RequireOpenSsl();
        using var world = RenewalWorld.Due();

        var result = await new CertificateRenewer(world.Options(world.OpenSslIssuer()), null).RenewIfDueAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CertificateRenewalOutcome.Renewed, result.Outcome);
    }

    [Fact]
    public async Task RenewIfDueAsync_BareProgramName_ResolvedOnPathAndLogged()
    {
        RenewalWorld.RequireOpenSsl();
        using var world = RenewalWorld.Due();
        using var logs = new Hosting.CapturingLoggerProvider();
        var renewer = new CertificateRenewer(world.Options(world.OpenSslIssuer()), TimeProvider.System, logs.CreateLogger("test"));

        var result = await renewer.RenewIfDueAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CertificateRenewalOutcome.Renewed, result.Outcome);
        var started = Assert.Single(logs.Entries, e => e.EventId.Name == "IssuerCommandStarting");
        Assert.Equal("openssl", started.Value("Program"));
        var resolved = Assert.IsType<string>(started.Value("ResolvedProgram"));
        Assert.True(Path.IsPathFullyQualified(resolved), resolved);
        Assert.EndsWith("/openssl", resolved, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenewIfDueAsync_BareProgramNameOnNoPathEntry_IssuanceFailsNamingPathAndTheFix()
    {
        using var world = RenewalWorld.Due();
        var pair = world.Snapshot();

        var ex = await Assert.ThrowsAsync<CertificateRenewalException>(() =>
            new CertificateRenewer(world.Options(new CommandCertificateIssuer("rolesanywhere-no-such-ca", []))).RenewIfDueAsync(TestContext.Current.CancellationToken));

        Assert.Equal(CertificateRenewalStage.Issuance, ex.Stage);
        Assert.Contains("'rolesanywhere-no-such-ca' is not in any absolute directory of PATH (the working directory is never searched)", ex.Message, StringComparison.Ordinal);
        world.AssertUnchanged(pair);
    }

    [Theory]
    [InlineData("DNS:other.example.internal, DNS:workload.example.internal, URI:spiffe://example.internal/workload", "x509SAN/DNS changes from 'workload.example.internal' to 'other.example.internal'")]
    [InlineData("DNS:Workload.Example.Internal, URI:spiffe://example.internal/workload", "x509SAN/DNS changes from 'workload.example.internal' to 'Workload.Example.Internal'")]
    [InlineData("DNS:workload.example.internal, URI:spiffe://example.internal/other", "x509SAN/URI changes from 'spiffe://example.internal/workload' to 'spiffe://example.internal/other'")]
    [InlineData("DNS:workload.example.internal", "x509SAN/URI 'spiffe://example.internal/workload' is dropped")]
    [InlineData("DNS:workload.example.internal, URI:spiffe://example.internal/workload, dirName:extra_dn", "x509SAN/Name/CN 'extra' is added")]
    public async Task RenewIfDueAsync_CaChangesWhatIamSees_RefusedNamingTheTagAndBothValues(string names, string expected)
    {
        RenewalWorld.RequireOpenSsl();
        using var world = RenewalWorld.Due();
        var pair = world.Snapshot();
        var extensions = Path.Combine(world.Folder, "names.cnf");
        File.WriteAllText(extensions, $"subjectAltName = {names}\nkeyUsage = critical, digitalSignature\nextendedKeyUsage = clientAuth\n[extra_dn]\nCN = extra\n");
        var issuer = new CommandCertificateIssuer("openssl", ["x509", "-req", "-CA", world.Ca.CertificatePath, "-CAkey", world.Ca.KeyPath, "-days", "30", "-extfile", extensions]);

        var ex = await Assert.ThrowsAsync<CertificateRenewalException>(() => new CertificateRenewer(world.Options(issuer)).RenewIfDueAsync(TestContext.Current.CancellationToken));

        Assert.Equal(CertificateRenewalStage.Verification, ex.Stage);
        Assert.StartsWith("identity check failed: what IAM would see of the new certificate", ex.Message, StringComparison.Ordinal);
        Assert.Contains(": " + expected + ".", ex.Message, StringComparison.Ordinal);
        Assert.Contains("or set AcceptIdentityChanges to install it anyway", ex.Message, StringComparison.Ordinal);
        world.AssertUnchanged(pair);
    }
}
