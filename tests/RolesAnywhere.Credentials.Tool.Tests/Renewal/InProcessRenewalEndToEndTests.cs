using System.Diagnostics;
using System.Net;
using System.Text.Json;
using RolesAnywhere.Credentials.Identity;
using RolesAnywhere.Credentials.Tests.Renewal;
using RolesAnywhere.Credentials.Tool.Tests.EndToEnd;
using RolesAnywhere.Credentials.Tool.Tests.Support;

namespace RolesAnywhere.Credentials.Tool.Tests.Renewal;

/// <summary>
/// <c>serve</c> and <c>update</c> with the issuer flags of <c>renew</c>, run as processes against a real
/// <c>cfssl serve</c> and the emulator trusting its CA: the certificate is renewed in process, and what is served or
/// written switches to a session of the new certificate without a failed request.
/// </summary>
public sealed class InProcessRenewalEndToEndTests(RenewFixture fixture) : IClassFixture<RenewFixture>, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    private readonly TempDirectory _dir = new();

    private string CertificatePath => _dir.File("client.pem");

    private string KeyPath => _dir.File("client.key");

    private string[] Flags =>
    [
        "--certificate", CertificatePath, "--private-key", KeyPath, .. fixture.SessionFlags(),
        "--cfssl-url", fixture.Cfssl.Url.ToString(), "--trust-anchor-certificate", fixture.Cfssl.Ca.CertificatePath,
    ];

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Serve_DueCertificate_RenewsWhileServingWithoutAFailedRequest()
    {
        fixture.Cfssl.Require();
        var old = RenewalPair.Write(fixture.Cfssl.Ca, CertificatePath, KeyPath, age: 25, remaining: 5);
        using var serve = await ServeProcess.StartAsync(Flags, new Dictionary<string, string>(), container: false);
        using var client = new HttpClient { BaseAddress = serve.ImdsUri };
        var token = await TokenAsync(client);

        var (requests, failures) = (0, 0);
        var served = new List<string>();
        string? renewedCertificate = null;
        var clock = Stopwatch.StartNew();
        while (renewedCertificate is null && clock.Elapsed < Patience)
        {
            requests++;
            var (status, accessKeyId) = await CredentialsAsync(client, token);
            if (status != HttpStatusCode.OK)
            {
                failures++;
                continue;
            }

            served.Add(accessKeyId!);
            var signedWith = CertificateOfSession(accessKeyId!);
            renewedCertificate = signedWith is not null && signedWith != Convert.ToBase64String(PemCertificate(old.Certificate)) ? signedWith : null;
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        Assert.True(renewedCertificate is not null, $"no session of a renewed certificate was served in {Patience}; stderr:\n{serve.Stderr}");
        Assert.Equal(0, failures);
        using var onDisk = SigningIdentity.FromFiles(CertificatePath, KeyPath);
        Assert.Equal(Convert.ToBase64String(onDisk.Certificate.RawData), renewedCertificate);
        Assert.Equal(old.Certificate, File.ReadAllBytes(CertificatePath + ".previous"));
        Assert.Contains($"renewal: Certificate renewed: serial {old.Serial} -> {onDisk.Certificate.SerialNumber}", serve.Stderr, StringComparison.Ordinal);
        Assert.True(requests > 1, $"{requests} requests");
    }

    [Fact]
    public async Task Serve_IssuerDown_KeepsServingAndLogsTheFailedStage()
    {
        var old = RenewalPair.Write(fixture.Cfssl.Ca, CertificatePath, KeyPath, age: 25, remaining: 5);
        string[] flags = ["--certificate", CertificatePath, "--private-key", KeyPath, .. fixture.SessionFlags(), "--cfssl-url", $"http://127.0.0.1:{CfsslServer.FreePort()}"];
        using var serve = await ServeProcess.StartAsync(flags, new Dictionary<string, string>(), container: false);
        using var client = new HttpClient { BaseAddress = serve.ImdsUri };
        var token = await TokenAsync(client);

        await WaitForAsync(() => serve.Stderr.Contains("renewal: Certificate renewal failed at Issuance", StringComparison.Ordinal), () => serve.Stderr);
        var (status, _) = await CredentialsAsync(client, token);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(old.Certificate, File.ReadAllBytes(CertificatePath));
        Assert.Contains($"for serial {old.Serial}", serve.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", serve.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_ExpiredCertificate_RenewsItSaysSoAndThenServes()
    {
        fixture.Cfssl.Require();
        var old = RenewalPair.Write(fixture.Cfssl.Ca, CertificatePath, KeyPath, age: 30, remaining: -1);
        using var serve = await ServeProcess.StartAsync(Flags, new Dictionary<string, string>(), container: false);
        using var client = new HttpClient { BaseAddress = serve.ImdsUri };
        var token = await TokenAsync(client);

        var status = HttpStatusCode.InternalServerError;
        string? accessKeyId = null;
        var clock = Stopwatch.StartNew();
        while (status != HttpStatusCode.OK && clock.Elapsed < Patience)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            (status, accessKeyId) = await CredentialsAsync(client, token);
        }

        Assert.True(status == HttpStatusCode.OK, serve.Stderr);
        using var onDisk = SigningIdentity.FromFiles(CertificatePath, KeyPath);
        Assert.NotEqual(old.Serial, onDisk.Certificate.SerialNumber);
        Assert.Equal(Convert.ToBase64String(onDisk.Certificate.RawData), CertificateOfSession(accessKeyId!));
        Assert.Contains($"renewal: The certificate (serial {old.Serial}) expired at", serve.Stderr, StringComparison.Ordinal);
        Assert.Contains("renewing it with a new key anyway", serve.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_DueCertificate_RewritesTheFileWithASessionOfTheNewCertificate()
    {
        fixture.Cfssl.Require();
        var old = RenewalPair.Write(fixture.Cfssl.Ca, CertificatePath, KeyPath, age: 25, remaining: 5);
        var credentials = _dir.File("credentials");
        var environment = new Dictionary<string, string> { ["AWS_SHARED_CREDENTIALS_FILE"] = credentials };
        using var update = Process.Start(ExternalProcess.StartInfo(ToolBinary.Path, ["update", "--profile", "ra", .. Flags], environment))!;
        update.StandardInput.Close();
        var stderr = update.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            string? written = null;
            await WaitForAsync(
                () =>
                {
                    written = File.Exists(credentials) ? AccessKeyIdIn(File.ReadAllText(credentials)) : null;
                    return written is not null && CertificateOfSession(written) is { } signedWith && signedWith != Convert.ToBase64String(PemCertificate(old.Certificate));
                },
                () => update.HasExited ? stderr.Result : "still running");

            using var onDisk = SigningIdentity.FromFiles(CertificatePath, KeyPath);
            Assert.Equal(Convert.ToBase64String(onDisk.Certificate.RawData), CertificateOfSession(written!));
            Assert.False(update.HasExited, "update stopped");
        }
        finally
        {
            update.Kill(entireProcessTree: true);
            await update.WaitForExitAsync(CancellationToken.None);
        }

        Assert.Contains($"renewal: Certificate renewed: serial {old.Serial} -> ", await stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateOnce_DueCertificate_RenewsThenWritesASessionOfTheNewCertificate()
    {
        fixture.Cfssl.Require();
        var old = RenewalPair.Write(fixture.Cfssl.Ca, CertificatePath, KeyPath, age: 25, remaining: 5);
        var credentials = _dir.File("credentials");

        var run = await ExternalProcess.RunAsync(ToolBinary.Path, ["update", "--once", "--profile", "ra", .. Flags], new Dictionary<string, string> { ["AWS_SHARED_CREDENTIALS_FILE"] = credentials });

        Assert.True(run.ExitCode == 0, run.ToString());
        using var onDisk = SigningIdentity.FromFiles(CertificatePath, KeyPath);
        Assert.NotEqual(old.Serial, onDisk.Certificate.SerialNumber);
        Assert.Equal(Convert.ToBase64String(onDisk.Certificate.RawData), CertificateOfSession(AccessKeyIdIn(File.ReadAllText(credentials))!));
    }

    [Theory]
    [InlineData("serve", "--renew-at must be a fraction of the lifetime between 0 and 1")]
    [InlineData("update", "--renew-at must be a fraction of the lifetime between 0 and 1")]
    public async Task ServeOrUpdate_WrongRenewalFlag_ExitTwoNamingTheFlagAndTheCommand(string command, string expected)
    {
        RenewalPair.Write(fixture.Cfssl.Ca, CertificatePath, KeyPath, age: 1, remaining: 29);

        var run = await ExternalProcess.RunAsync(ToolBinary.Path, [command, .. Flags, "--renew-at", "2"], new Dictionary<string, string> { ["AWS_SHARED_CREDENTIALS_FILE"] = _dir.File("credentials") });

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"hint: Run 'rolesanywhere {command} --help'", run.Stderr, StringComparison.Ordinal);
    }

    private static byte[] PemCertificate(byte[] pem)
    {
        using var certificate = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(System.Text.Encoding.ASCII.GetString(pem));
        return certificate.RawData;
    }

    private static string? AccessKeyIdIn(string credentialsFile) =>
        credentialsFile.Split('\n').Select(l => l.Split('=', 2)).Where(p => p.Length == 2 && p[0].Trim() == "aws_access_key_id").Select(p => p[1].Trim()).LastOrDefault();

    private static async Task<string> TokenAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "latest/api/token");
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    private static async Task WaitForAsync(Func<bool> condition, Func<string> describe)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < Patience, $"not seen within {Patience}: {describe()}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    private async Task<(HttpStatusCode Status, string? AccessKeyId)> CredentialsAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "latest/meta-data/iam/security-credentials/" + fixture.RoleArn.Split('/')[^1]);
        request.Headers.Add("X-aws-ec2-metadata-token", token);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (response.StatusCode, null);
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (response.StatusCode, json.RootElement.GetProperty("AccessKeyId").GetString());
    }

    /// <summary>The base64 certificate that signed the CreateSession which issued <paramref name="accessKeyId"/>, from the emulator's record.</summary>
    private string? CertificateOfSession(string accessKeyId) =>
        fixture.Emulator.Requests.LastOrDefault(r => r.IssuedAccessKeyId == accessKeyId)?.Headers["X-Amz-X509"];
}
