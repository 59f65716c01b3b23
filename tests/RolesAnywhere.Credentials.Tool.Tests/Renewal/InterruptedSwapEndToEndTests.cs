using System.Net;
using System.Security.Cryptography;
using System.Text;
using RolesAnywhere.Credentials.Identity;
using RolesAnywhere.Credentials.Renewal;
using RolesAnywhere.Credentials.Tool.Tests.EndToEnd;
using RolesAnywhere.Credentials.Tool.Tests.Support;

namespace RolesAnywhere.Credentials.Tool.Tests.Renewal;

/// <summary>
/// A renewal interrupted between the key's rename and the certificate's (the new key with the old certificate on disk,
/// the journal and the new certificate's temporary file beside them), made exactly with the swap's own test seam; then
/// the tool's entry points that read the pair, as processes against the emulator trusting the CFSSL CA: each
/// completes the swap from the journal and signs with the new pair.
/// </summary>
public sealed class InterruptedSwapEndToEndTests(RenewFixture fixture) : IClassFixture<RenewFixture>, IDisposable
{
    private readonly TempDirectory _dir = new();

    private string CertificatePath => _dir.File("client.pem");

    private string KeyPath => _dir.File("client.key");

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("credential-process")]
    [InlineData("update --once")]
    [InlineData("serve")]
    public async Task EntryPoint_KilledBetweenKeyAndCertificateRename_CompletesTheSwapAndSignsWithTheNewPair(string command)
    {
        fixture.Cfssl.Require();
        var newCertificate = Interrupt();
        string[] pairFlags = ["--certificate", CertificatePath, "--private-key", KeyPath, .. fixture.SessionFlags()];
        var before = fixture.Emulator.Requests.Count;

        if (command == "serve")
        {
            // With the renewal flags, as the issue reports: serve refused to start instead of finishing the swap.
            using var serve = await ServeProcess.StartAsync([.. pairFlags, "--cfssl-url", fixture.Cfssl.Url.ToString()], new Dictionary<string, string>(), container: false);
            using var client = new HttpClient { BaseAddress = serve.ImdsUri };
            using var tokenRequest = new HttpRequestMessage(HttpMethod.Put, "latest/api/token");
            using var tokenResponse = await client.SendAsync(tokenRequest, TestContext.Current.CancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Get, "latest/meta-data/iam/security-credentials/" + fixture.RoleArn.Split('/')[^1]);
            request.Headers.Add("X-aws-ec2-metadata-token", await tokenResponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, serve.Stderr);
        }
        else
        {
            string[] args = command == "update --once" ? ["update", "--once", "--profile", "ra", .. pairFlags] : ["credential-process", "--no-cache", .. pairFlags];
            var run = await ExternalProcess.RunAsync(ToolBinary.Path, args, new Dictionary<string, string> { ["AWS_SHARED_CREDENTIALS_FILE"] = _dir.File("credentials") });
            Assert.True(run.ExitCode == 0, run.ToString());
        }

        using var onDisk = SigningIdentity.FromFiles(CertificatePath, KeyPath);
        Assert.Equal(newCertificate, onDisk.Certificate.RawData);
        var signed = fixture.Emulator.Requests.Skip(before).Where(r => r.Path == "/sessions").ToList();
        Assert.NotEmpty(signed);
        Assert.All(signed, r => Assert.Equal(Convert.ToBase64String(newCertificate), r.Headers["X-Amz-X509"]));
        Assert.Empty(Directory.GetFiles(_dir.Path, ".*renewing"));
        Assert.Empty(Directory.GetFiles(_dir.Path, ".*journal"));
    }

    /// <summary>Writes a pair, then runs a swap to a new pair and stops it after the key's rename; returns the new certificate.</summary>
    private byte[] Interrupt()
    {
        RenewalPair.Write(fixture.Cfssl.Ca, CertificatePath, KeyPath, age: 25, remaining: 5);
        var now = DateTimeOffset.UtcNow;
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var leaf = fixture.Cfssl.Ca.Issue(key, now.AddMinutes(-1), now.AddDays(30), uriName: false);
        var swap = PairSwap.For(CertificatePath, KeyPath, null, step =>
        {
            if (step == SwapStep.KeyReplaced)
            {
                throw new OperationCanceledException("killed here");
            }
        });
        swap.WriteTemporaries(Encoding.ASCII.GetBytes(leaf.ExportCertificatePem() + "\n"), s => s.Write(Encoding.ASCII.GetBytes(key.ExportPkcs8PrivateKeyPem() + "\n")), null);
        Assert.Throws<OperationCanceledException>(swap.Commit);

        // The state a SIGKILL there leaves: the new key with the old certificate, which no longer load together.
        Assert.Throws<RolesAnywhereConfigurationException>(() => global::RolesAnywhere.Credentials.Identity.SigningIdentityLoader.Build(global::RolesAnywhere.Credentials.Identity.IdentitySpec.FromOptions(new RolesAnywhereOptions { CertificatePath = CertificatePath, PrivateKeyPath = KeyPath }), TimeProvider.System).Dispose());
        return leaf.RawData;
    }
}
