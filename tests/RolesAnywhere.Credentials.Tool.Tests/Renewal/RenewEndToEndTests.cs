using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using RolesAnywhere.Credentials.Identity;
using RolesAnywhere.Credentials.Renewal;
using RolesAnywhere.Credentials.TestSupport;
using RolesAnywhere.Credentials.Tests.Renewal;
using RolesAnywhere.Credentials.Tool.Tests.EndToEnd;
using RolesAnywhere.Credentials.Tool.Tests.Support;

namespace RolesAnywhere.Credentials.Tool.Tests.Renewal;

/// <summary>
/// <c>rolesanywhere renew</c> run as a process against real CAs: <c>openssl x509 -req</c> as the command issuer and
/// <c>cfssl serve</c> through its REST API, with the new pair proven against the emulator when session flags are given.
/// </summary>
public sealed partial class RenewEndToEndTests(RenewFixture fixture) : IClassFixture<RenewFixture>, IDisposable
{
    private static readonly Dictionary<string, string> NoEnvironment = [];

    private readonly TempDirectory _dir = new();

    private string CertificatePath => _dir.File("client.pem");

    private string KeyPath => _dir.File("client.key");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Renew_OpenSslCommandDuePair_RenewsAndPrintsTheLine()
    {
        using var ca = RenewalCa.Create(_dir.Path, "ca");
        var old = WritePair(ca, age: 25, remaining: 5);

        var run = await Tool(["--issuer-command", OpenSsl(ca), "--trust-anchor-certificate", ca.CertificatePath]);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var now = SigningIdentity.FromFiles(CertificatePath, KeyPath);
        var line = RenewedLine().Match(run.Stdout);
        Assert.True(line.Success, run.ToString());
        Assert.Equal(old.Serial, line.Groups["from"].Value);
        Assert.Equal(now.Certificate.SerialNumber, line.Groups["to"].Value);
        Assert.Equal(now.Certificate.NotAfter.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture), line.Groups["until"].Value);
        Assert.Equal(old.Certificate, File.ReadAllBytes(CertificatePath + ".previous"));
        Assert.Equal(old.Key, File.ReadAllBytes(KeyPath + ".previous"));
        Assert.NotEqual(old.Key, File.ReadAllBytes(KeyPath));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyPath));
        }

        Assert.Equal(ca.Certificate.Subject, now.Certificate.Issuer);
    }

    [Fact]
    public async Task Renew_OpenSslCaWithItsDatabase_TheReadmeRecipeRenews()
    {
        using var ca = RenewalCa.Create(_dir.Path, "ca");
        var old = WritePair(ca, age: 25, remaining: 5);
        Directory.CreateDirectory(_dir.File("newcerts"));
        File.WriteAllText(_dir.File("index.txt"), string.Empty);
        File.WriteAllText(_dir.File("serial"), "1000\n");
        File.WriteAllText(_dir.File("openssl.cnf"), $"""
            [ ca ]
            default_ca = renewal_ca
            [ renewal_ca ]
            dir = {_dir.Path}
            database = $dir/index.txt
            new_certs_dir = $dir/newcerts
            serial = $dir/serial
            certificate = {ca.CertificatePath}
            private_key = {ca.KeyPath}
            default_md = sha256
            default_days = 30
            policy = any_name
            copy_extensions = copy
            unique_subject = no
            [ any_name ]
            commonName = supplied
            organizationName = optional
            [ client_cert ]
            basicConstraints = critical, CA:FALSE
            keyUsage = critical, digitalSignature
            extendedKeyUsage = clientAuth
            """);

        var run = await Tool(["--issuer-command", $"openssl ca -batch -config {_dir.File("openssl.cnf")} -extensions client_cert -preserveDN -in /dev/stdin -notext -out /dev/stdout",
            "--trust-anchor-certificate", ca.CertificatePath]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith($"renewed: serial {old.Serial} -> 1000, valid until ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("V\t", File.ReadAllText(_dir.File("index.txt")), StringComparison.Ordinal); // recorded in the CA's database
        using var now = SigningIdentity.FromFiles(CertificatePath, KeyPath);
        Assert.Equal(ca.Certificate.Subject, now.Certificate.Issuer);
    }

    [Theory]
    [InlineData("PATH as it is")]
    [InlineData("empty PATH entry")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Renew_OpensslPlantedInTheWorkingDirectory_NeverRunsPathsOneRunsAndIsLogged(string path)
    {
        using var ca = RenewalCa.Create(_dir.Path, "ca");
        WritePair(ca, age: 25, remaining: 5);
        var planted = _dir.File("openssl");
        File.WriteAllText(planted, $"#!/bin/sh\ntouch '{_dir.File("planted-ran")}'\nexit 3\n");
        File.SetUnixFileMode(planted, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var info = ExternalProcess.StartInfo(ToolBinary.Path, ["renew", "--certificate", CertificatePath, "--private-key", KeyPath, "--issuer-command", OpenSsl(ca), "--trust-anchor-certificate", ca.CertificatePath], NoEnvironment);
        info.WorkingDirectory = _dir.Path;
        if (path == "empty PATH entry")
        {
            info.Environment["PATH"] = ":" + info.Environment["PATH"];
        }

        using var process = System.Diagnostics.Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        var run = $"exit {process.ExitCode}\nstdout: {await stdout}\nstderr: {await stderr}";

        Assert.False(File.Exists(_dir.File("planted-ran")), run);
        Assert.True(process.ExitCode == 0, run);
        Assert.Matches(@"renewal: Running the issuer command 'openssl' as /\S+/openssl\n", await stderr);
        Assert.DoesNotContain($"as {planted}", await stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Renew_NotDue_PrintsTheDueTimeAndLeavesTheFiles()
    {
        using var ca = RenewalCa.Create(_dir.Path, "ca");
        var old = WritePair(ca, age: 2, remaining: 28);
        var due = new CertificateRenewer(new CertificateRenewalOptions { CertificatePath = CertificatePath, PrivateKeyPath = KeyPath, Issuer = CommandCertificateIssuer.Parse("false") }).GetDueTime();

        var run = await Tool(["--issuer-command", OpenSsl(ca)]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal($"not due until {due.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\n", run.Stdout);
        AssertUntouched(old);
    }

    [Fact]
    public async Task Renew_ForceOnAFreshPair_RenewsNow()
    {
        using var ca = RenewalCa.Create(_dir.Path, "ca");
        var old = WritePair(ca, age: 1, remaining: 29);

        var run = await Tool(["--issuer-command", OpenSsl(ca), "--force", "--key-algorithm", "ec-p384"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith($"renewed: serial {old.Serial} -> ", run.Stdout, StringComparison.Ordinal);
        using var now = SigningIdentity.FromFiles(CertificatePath, KeyPath);
        using var key = now.Certificate.GetECDsaPublicKey();
        Assert.Equal(384, key!.KeySize);
    }

    [Fact]
    public async Task Renew_ForceTwiceInTheSameMinuteAgainstCfssl_RekeysBothTimesEachProven()
    {
        fixture.Cfssl.Require();
        var old = WritePair(fixture.Cfssl.Ca, age: 25, remaining: 5);
        var before = fixture.Emulator.Requests.Count;

        var first = await Tool(["--cfssl-url", fixture.Cfssl.Url.ToString(), "--force", .. fixture.SessionFlags()]);
        var afterFirst = File.ReadAllBytes(KeyPath);
        using var firstIdentity = SigningIdentity.FromFiles(CertificatePath, KeyPath);
        var firstCertificate = firstIdentity.Certificate;
        var second = await Tool(["--cfssl-url", fixture.Cfssl.Url.ToString(), "--force", .. fixture.SessionFlags()]);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        using var now = SigningIdentity.FromFiles(CertificatePath, KeyPath);
        Assert.NotEqual(old.Key, afterFirst);
        Assert.NotEqual(afterFirst, File.ReadAllBytes(KeyPath));
        Assert.StartsWith($"renewed: serial {firstCertificate.SerialNumber} -> {now.Certificate.SerialNumber}, ", second.Stdout, StringComparison.Ordinal);
        var proofs = fixture.Emulator.Requests.Skip(before).ToList();
        Assert.Equal(2, proofs.Count);
        Assert.All(proofs, p => Assert.Equal(201, p.StatusCode));
        Assert.Equal(Convert.ToBase64String(now.Certificate.RawData), proofs[1].Headers["X-Amz-X509"]);
        if (firstCertificate.NotAfter >= now.Certificate.NotAfter)
        {
            // cfssl rounds the validity to the minute: the same minute gives the same expiry, reported, not refused.
            Assert.Contains("installed because the renewal was forced (a new key)", second.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Renew_CfsslAuthsignWithKeyFile_Renews()
    {
        fixture.Cfssl.Require();
        var old = WritePair(fixture.Cfssl.Ca, age: 25, remaining: 5);
        File.WriteAllText(_dir.File("auth.key"), fixture.Cfssl.AuthKey + "\n");
        OwnerOnly(_dir.File("auth.key"));

        var run = await Tool(["--cfssl-url", fixture.Cfssl.Url.ToString(), "--cfssl-profile", "authed", "--cfssl-auth-key-file", _dir.File("auth.key"),
            "--trust-anchor-certificate", fixture.Cfssl.Ca.CertificatePath]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith($"renewed: serial {old.Serial} -> ", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Cfssl.AuthKey, run.Stdout + run.Stderr, StringComparison.OrdinalIgnoreCase);
        using var now = SigningIdentity.FromFiles(CertificatePath, KeyPath);
        Assert.Equal(fixture.Cfssl.Ca.Certificate.Subject, now.Certificate.Issuer);
    }

    [Fact]
    public async Task Renew_WithSessionFlags_ProvesTheNewPairWithOneCreateSessionBeforeTheSwap()
    {
        fixture.Cfssl.Require();
        var old = WritePair(fixture.Cfssl.Ca, age: 25, remaining: 5);
        var before = fixture.Emulator.Requests.Count;

        var run = await Tool(["--cfssl-url", fixture.Cfssl.Url.ToString(), .. fixture.SessionFlags()]);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var now = SigningIdentity.FromFiles(CertificatePath, KeyPath);
        var requests = fixture.Emulator.Requests.Skip(before).ToList();
        var proof = Assert.Single(requests);
        Assert.Equal(201, proof.StatusCode);
        Assert.Equal(Convert.ToBase64String(now.Certificate.RawData), proof.Headers["X-Amz-X509"]);
        Assert.NotEqual(old.Serial, now.Certificate.SerialNumber);
    }

    [Fact]
    public async Task Renew_SessionRefused_ExitOneNamesTheSessionCheckAndLeavesTheFiles()
    {
        fixture.Cfssl.Require();
        using var otherCa = RenewalCa.Create(_dir.Path, "other-ca");
        var otherAnchor = fixture.Emulator.AddTrustAnchor(otherCa.Certificate);
        var old = WritePair(fixture.Cfssl.Ca, age: 25, remaining: 5);

        var run = await Tool(["--cfssl-url", fixture.Cfssl.Url.ToString(), .. fixture.SessionFlags(otherAnchor)]);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("renewal failed (Session): session check failed", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
        AssertUntouched(old);
    }

    [Fact]
    public async Task Renew_CertificateFromAnotherCa_ExitOneNamesTheChainCheckAndLeavesTheFiles()
    {
        using var ca = RenewalCa.Create(_dir.Path, "ca");
        using var rogue = RenewalCa.Create(_dir.Path, "rogue");
        var old = WritePair(ca, age: 25, remaining: 5);

        var run = await Tool(["--issuer-command", OpenSsl(rogue), "--trust-anchor-certificate", ca.CertificatePath]);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("renewal failed (Verification): chain check failed", run.Stderr, StringComparison.Ordinal);
        AssertUntouched(old);
    }

    [Fact]
    public async Task Renew_SecondCfsslCaWithoutTrustAnchorCertificate_ExitOneIssuerCheckAndLeavesTheFiles()
    {
        fixture.Cfssl.Require();
        using var second = new CfsslServer(); // its CA has the first one's name, "cfssl-ca", and its own key
        var old = WritePair(fixture.Cfssl.Ca, age: 25, remaining: 5);

        var run = await Tool(["--cfssl-url", second.Url.ToString()]);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("renewal failed (Verification): issuer check failed", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("give --trust-anchor-certificate (the new certificate must chain to it) or set --accept-issuer-change", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
        AssertUntouched(old);

        var accepted = await Tool(["--cfssl-url", second.Url.ToString(), "--accept-issuer-change"]);

        Assert.True(accepted.ExitCode == 0, accepted.ToString());
        Assert.Contains("rolesanywhere: note: the issuer changed from ", accepted.Stderr, StringComparison.Ordinal);
        Assert.Contains("(accepted: --accept-issuer-change)", accepted.Stderr, StringComparison.Ordinal);
        using var now = SigningIdentity.FromFiles(CertificatePath, KeyPath);
        Assert.Equal(second.Ca.Certificate.Subject, now.Certificate.Issuer);
    }

    [Fact]
    public async Task Renew_SameCfsslCaWithoutTrustAnchorCertificate_Renews()
    {
        fixture.Cfssl.Require();
        var old = WritePair(fixture.Cfssl.Ca, age: 25, remaining: 5);

        var run = await Tool(["--cfssl-url", fixture.Cfssl.Url.ToString()]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith($"renewed: serial {old.Serial} -> ", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("issuer", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Renew_CfsslDropsTheUriName_ExitOneNamingTheTagAndTheFlag_AcceptedWithTheFlag()
    {
        // Debian's cfssl (1.2) does not copy URI names: the x509SAN/URI principal tag would disappear.
        fixture.Cfssl.Require();
        var now = DateTimeOffset.UtcNow;
        using (var key = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        using (var leaf = fixture.Cfssl.Ca.Issue(key, now.AddDays(-25), now.AddDays(5), uriName: true))
        {
            File.WriteAllText(CertificatePath, leaf.ExportCertificatePem() + "\n");
            File.WriteAllText(KeyPath, key.ExportPkcs8PrivateKeyPem() + "\n");
            OwnerOnly(KeyPath);
        }

        var old = File.ReadAllBytes(CertificatePath);

        var run = await Tool(["--cfssl-url", fixture.Cfssl.Url.ToString()]);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("renewal failed (Verification): identity check failed", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("x509SAN/URI 'spiffe://example.internal/workload' is dropped", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("or set --accept-identity-change to install it anyway", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("AcceptIdentityChanges", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(old, File.ReadAllBytes(CertificatePath));

        var accepted = await Tool(["--cfssl-url", fixture.Cfssl.Url.ToString(), "--accept-identity-change"]);

        Assert.True(accepted.ExitCode == 0, accepted.ToString());
        Assert.Contains("rolesanywhere: note: x509SAN/URI 'spiffe://example.internal/workload' is dropped (accepted: --accept-identity-change)", accepted.Stderr, StringComparison.Ordinal);
        Assert.NotEqual(old, File.ReadAllBytes(CertificatePath));
    }

    [Fact]
    public async Task Renew_IssuerDown_ExitOneAndLeavesTheFiles()
    {
        using var ca = RenewalCa.Create(_dir.Path, "ca");
        var old = WritePair(ca, age: 25, remaining: 5);

        var run = await Tool(["--cfssl-url", $"http://127.0.0.1:{CfsslServer.FreePort()}"]);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("renewal failed (Issuance)", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        AssertUntouched(old);
    }

    [Fact]
    public async Task Renew_IssuerCommandFails_ExitOneQuotesItsErrorAndLeavesTheFiles()
    {
        using var ca = RenewalCa.Create(_dir.Path, "ca");
        var old = WritePair(ca, age: 25, remaining: 5);

        var run = await Tool(["--issuer-command", $"openssl x509 -req -CA {_dir.File("missing-ca.pem")} -CAkey {ca.KeyPath}"]);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("renewal failed (Issuance)", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("missing-ca.pem", run.Stderr, StringComparison.Ordinal);
        AssertUntouched(old);
    }

    [Theory]
    [InlineData("no issuer", "An issuer is required")]
    [InlineData("both issuers", "cannot be combined: give one issuer")]
    [InlineData("renew-at with force", "--renew-at and --force cannot be combined")]
    [InlineData("renew-at out of range", "--renew-at must be a fraction of the lifetime between 0 and 1")]
    [InlineData("unknown key algorithm", "--key-algorithm 'dsa' is not one of same, ec-p256")]
    [InlineData("partial session flags", "--profile-arn: required")]
    [InlineData("cfssl flags without cfssl", "only apply with --cfssl-url")]
    [InlineData("unterminated quote", "--issuer-command 'openssl \"x509' cannot be split")]
    [InlineData("pkcs11 key", "names a key in a PKCS#11 token or a TPM")]
    [InlineData("bad auth key", "does not hold a hexadecimal key")]
    [InlineData("world-readable auth key", "is readable by all users (mode 0644), so the CFSSL auth key is exposed")]
    [InlineData("missing certificate", "--certificate is required")]
    public async Task Renew_WrongCommandLine_ExitTwoWithAClearMessage(string name, string expected)
    {
        using var ca = RenewalCa.Create(_dir.Path, "ca");
        var old = WritePair(ca, age: 25, remaining: 5);
        File.WriteAllText(_dir.File("bad.key"), "not hex, and secret\n");
        OwnerOnly(_dir.File("bad.key"));
        File.WriteAllText(_dir.File("shared.key"), "0123456789abcdef, a secret\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_dir.File("shared.key"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
        var issuer = new[] { "--issuer-command", OpenSsl(ca) };
        string[] args = name switch
        {
            "no issuer" => [],
            "both issuers" => [.. issuer, "--cfssl-url", "http://127.0.0.1:1"],
            "renew-at with force" => [.. issuer, "--renew-at", "0.5", "--force"],
            "renew-at out of range" => [.. issuer, "--renew-at", "1.5"],
            "unknown key algorithm" => [.. issuer, "--key-algorithm", "dsa"],
            "partial session flags" => [.. issuer, "--trust-anchor-arn", fixture.TrustAnchorArn, "--role-arn", fixture.RoleArn],
            "cfssl flags without cfssl" => [.. issuer, "--cfssl-profile", "client"],
            "unterminated quote" => ["--issuer-command", "openssl \"x509"],
            "bad auth key" => ["--cfssl-url", "http://127.0.0.1:1", "--cfssl-auth-key-file", _dir.File("bad.key")],
            "world-readable auth key" => ["--cfssl-url", "http://127.0.0.1:1", "--cfssl-auth-key-file", _dir.File("shared.key")],
            _ => [.. issuer],
        };
        string[] files = name switch
        {
            "pkcs11 key" => ["--certificate", CertificatePath, "--private-key", "pkcs11:token=t;object=k"],
            "missing certificate" => ["--private-key", KeyPath],
            _ => ["--certificate", CertificatePath, "--private-key", KeyPath],
        };

        var run = await ExternalProcess.RunAsync(ToolBinary.Path, ["renew", .. files, .. args], NoEnvironment);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.Contains("hint: ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", run.Stderr, StringComparison.Ordinal);
        AssertUntouched(old);
    }

    [GeneratedRegex(@"^renewed: serial (?<from>[0-9A-F]+) -> (?<to>[0-9A-F]+), valid until (?<until>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)\n$")]
    private static partial Regex RenewedLine();

    private static string OpenSsl(RenewalCa ca) => $"openssl x509 -req -CA {ca.CertificatePath} -CAkey {ca.KeyPath} -days 30 -copy_extensions copy";

    private Task<ExternalProcess> Tool(string[] args) =>
        ExternalProcess.RunAsync(ToolBinary.Path, ["renew", "--certificate", CertificatePath, "--private-key", KeyPath, .. args], NoEnvironment);

    private static void OwnerOnly(string file)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private RenewalPair WritePair(RenewalCa ca, int age, int remaining) => RenewalPair.Write(ca, CertificatePath, KeyPath, age, remaining);

    private void AssertUntouched(RenewalPair old)
    {
        Assert.Equal(old.Certificate, File.ReadAllBytes(CertificatePath));
        Assert.Equal(old.Key, File.ReadAllBytes(KeyPath));
        Assert.False(File.Exists(CertificatePath + ".previous"));
        Assert.Empty(Directory.GetFiles(_dir.Path, "*.renewing"));
    }
}
