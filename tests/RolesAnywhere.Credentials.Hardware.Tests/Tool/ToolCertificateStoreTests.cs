using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using RolesAnywhere.Credentials.Hardware.Tests.KeySources.CertificateStore;
using RolesAnywhere.Credentials.Hardware.Tests.EndToEnd;

namespace RolesAnywhere.Credentials.Hardware.Tests.Tool;

/// <summary>
/// <c>rolesanywhere</c> with the certificate and key taken from the OS certificate store (on Linux the .NET
/// CurrentUser store, in stores named for this run): --cert-selector, --system-store-name and
/// --use-latest-expiring-certificate, as the official helper spells them.
/// </summary>
public sealed class ToolCertificateStoreTests(HardwareEmulatorFixture world) : IClassFixture<HardwareEmulatorFixture>
{
    private static readonly string AppSelector = $"Key=x509Subject,Value={TestCertificateStore.AppSubject}";

    [Fact]
    public async Task CredentialProcess_SelectorInNamedStore_UsesTheOneUsableMatch()
    {
        var store = TestCertificateStore.Instance;

        var run = await ToolSession.RunAsync(ToolSession.CredentialProcess(world,
            "--cert-selector", "Key=x509Subject,Value=CN=ra-store-single", "--system-store-name", store.SingleStore));

        ToolSession.AssertIssuedFor(world, run, store.Single);
    }

    [Fact]
    public async Task CredentialProcess_StoreNameAlone_TakesItsOnlyUsableCertificate()
    {
        var store = TestCertificateStore.Instance;

        var run = await ToolSession.RunAsync(ToolSession.CredentialProcess(world, "--system-store-name", store.SingleStore));

        ToolSession.AssertIssuedFor(world, run, store.Single);
    }

    [Fact]
    public async Task CredentialProcess_SeveralMatches_RefusedListingThemUntilLatestExpiringIsAsked()
    {
        var store = TestCertificateStore.Instance;
        string[] args = ToolSession.CredentialProcess(world, "--cert-selector", AppSelector, "--system-store-name", store.MainStore);

        var ambiguous = await ToolSession.RunAsync(args);
        var latest = await ToolSession.RunAsync([.. args, "--use-latest-expiring-certificate"]);

        Assert.Equal(1, ambiguous.ExitCode);
        Assert.Contains("2 certificates match", ambiguous.Stderr, StringComparison.Ordinal);
        Assert.Contains(store.Current.Thumbprint, ambiguous.Stderr, StringComparison.Ordinal);
        Assert.Contains(store.Renewed.Thumbprint, ambiguous.Stderr, StringComparison.Ordinal);
        ToolSession.AssertIssuedFor(world, latest, store.Renewed);
    }

    [Fact]
    public async Task CredentialProcess_SelectorFile_ReadsCriteriaFromJson()
    {
        var store = TestCertificateStore.Instance;
        string selector = Path.Combine(Path.GetTempPath(), $"ra-selector-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(selector, $$"""[{"Key":"x509Serial","Value":"{{store.Renewed.SerialNumber}}"}]""", TestContext.Current.CancellationToken);

        var run = await ToolSession.RunAsync(ToolSession.CredentialProcess(world, "--cert-selector", "file://" + selector, "--system-store-name", store.MainStore));

        ToolSession.AssertIssuedFor(world, run, store.Renewed);
    }

    [Fact]
    public async Task CredentialProcess_StoreWithCertificateFile_RefusedAsTheOfficialHelperDoes()
    {
        var run = await ToolSession.RunAsync(ToolSession.CredentialProcess(world, "--cert-selector", AppSelector, "--certificate", "client.pem"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--certificate cannot be combined with --cert-selector", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadCertificateData_LatestExpiring_DescribesTheRenewedCertificate()
    {
        var store = TestCertificateStore.Instance;

        var run = await ToolSession.RunAsync(["read-certificate-data", "--cert-selector", AppSelector, "--system-store-name", store.MainStore, "--use-latest-expiring-certificate"]);

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(Convert.ToBase64String(store.Renewed.RawData), json.RootElement.GetProperty("certificateData").GetString());
    }

    [Fact]
    public async Task SignString_StoreKey_SignsOverSha512()
    {
        var store = TestCertificateStore.Instance;
        byte[] data = "store string to sign"u8.ToArray();

        var run = await ToolSession.RunAsync(["sign-string", "--cert-selector", "Key=x509Subject,Value=CN=ra-store-single", "--system-store-name", store.SingleStore, "--digest", "SHA512", "--format", "bin"], data);

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var publicKey = store.Single.GetECDsaPublicKey()!;
        Assert.True(publicKey.VerifyData(data, run.Stdout, HashAlgorithmName.SHA512, DSASignatureFormat.Rfc3279DerSequence));
    }
}
