using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.Testing.Certificates;
using RolesAnywhere.Credentials.Tool.Cli;
using RolesAnywhere.Credentials.Tool.Credentials;
using RolesAnywhere.Credentials.Tool.Tests.Support;

namespace RolesAnywhere.Credentials.Tool.Tests.Commands;

/// <summary>The tool's messages name the tool's flags, never the library's option names.</summary>
public sealed class ToolMessagesTests : IDisposable
{
    private const string Password = "correct horse battery staple";
    private static readonly string[] OptionNames =
        ["CertificatePath", "PrivateKeyPath", "PrivateKeyPassword", "IntermediatesPath", "TrustAnchorArn", "ProfileArn", "RoleArn", "SessionDuration", "RoleSessionName", "CertificateSelector"];

    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task CredentialProcess_MissingCertificate_NamesCertificateFlag()
    {
        var run = await RunSessionAsync("--certificate", directory.File("missing.pem"), "--private-key", directory.File("missing.key"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--certificate", run.Stderr, StringComparison.Ordinal);
        AssertNoOptionNames(run.Stderr);
    }

    [Fact]
    public async Task CredentialProcess_MissingCertificateAndBadRoleArn_LabelsEachProblemWithItsFlag()
    {
        var run = await ToolRun.RunAsync(
            [
                "credential-process", "--no-cache",
                "--certificate", directory.File("missing.pem"), "--private-key", directory.File("missing.key"),
                "--trust-anchor-arn", "arn:aws:rolesanywhere:us-east-1:111122223333:trust-anchor/ta",
                "--profile-arn", "arn:aws:rolesanywhere:us-east-1:111122223333:profile/p",
                "--role-arn", "not-a-role-arn",
                "--endpoint", "http://127.0.0.1:9",
            ],
            a => LibraryCredentialSource.Create(a, pinPrompt: null));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("- --certificate: '" + directory.File("missing.pem") + "' does not exist", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("- --private-key: '" + directory.File("missing.key") + "' does not exist", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("- --role-arn: 'not-a-role-arn' is not an ARN", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("The Roles Anywhere settings have 3 problems:", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("RolesAnywhereOptions", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Invalid", run.Stderr, StringComparison.Ordinal);
        AssertNoOptionNames(run.Stderr);
    }

    [Theory]
    [InlineData("check IntermediatesPath, IntermediatesData or Intermediates; they are sent", "check --intermediates; they are sent")]
    [InlineData("set CertificatePath or CertificateData", "set --certificate")]
    [InlineData("set CertificatePath or PrivateKeyPath", "set --certificate or --private-key")]
    public void ToFlags_SeveralOptionsOfOneFlag_NameTheFlagOnce(string message, string expected) =>
        Assert.Equal(expected, LibraryTerms.ToFlags(message));

    [Fact]
    public async Task CredentialProcess_EncryptedKeyWithoutPassword_NamesPkcs8PasswordFlag()
    {
        using var ca = TestCertificateAuthority.CreateRoot();
        using var client = ca.IssueClientCertificate(new TestCertificateOptions());
        await File.WriteAllTextAsync(directory.File("c.pem"), TestCertificatePem.Certificate(client), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(directory.File("c.key"), TestCertificatePem.EncryptedPrivateKey(client, Password), TestContext.Current.CancellationToken);

        var run = await RunSessionAsync("--certificate", directory.File("c.pem"), "--private-key", directory.File("c.key"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--pkcs8-password", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--private-key", run.Stderr, StringComparison.Ordinal);
        AssertNoOptionNames(run.Stderr);
    }

    [Fact]
    public async Task ReadCertificateData_PasswordProtectedPkcs12WithPkcs8Password_Described()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=p12-test", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        await File.WriteAllBytesAsync(directory.File("c.p12"), certificate.Export(X509ContentType.Pkcs12, Password), TestContext.Current.CancellationToken);

        var withPassword = await ToolRun.RunAsync(["read-certificate-data", "--certificate", directory.File("c.p12"), "--pkcs8-password", Password]);
        var without = await ToolRun.RunAsync(["read-certificate-data", "--certificate", directory.File("c.p12")]);

        Assert.True(withPassword.ExitCode == 0, withPassword.Stderr);
        Assert.Contains("\"subject\":\"CN=p12-test\"", withPassword.StdoutText, StringComparison.Ordinal);
        Assert.Equal(1, without.ExitCode);
        Assert.Contains("--pkcs8-password", without.Stderr, StringComparison.Ordinal);
        AssertNoOptionNames(without.Stderr);
    }

    [Fact]
    public async Task Serve_FifteenCharacterContainerToken_TooShortNotMissing()
    {
        await File.WriteAllTextAsync(directory.File("token"), "0123456789abcde", TestContext.Current.CancellationToken);

        var run = await ToolRun.RunAsync(ToolRun.SessionArgs("serve", "--container-port", "0", "--container-token-file", directory.File("token")));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("15 characters", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("too short", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("none was given", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_MissingContainerTokenFile_NamesTheFlagAndFile()
    {
        var path = directory.File("no-such-dir/token");

        var run = await ToolRun.RunAsync(ToolRun.SessionArgs("serve", "--container-port", "0", "--container-token-file", path));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--container-token-file", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(path, run.Stderr, StringComparison.Ordinal);
    }

    private Task<ToolRun> RunSessionAsync(params string[] keyFlags) => ToolRun.RunAsync(
        [
            "credential-process", "--no-cache", .. keyFlags,
            "--trust-anchor-arn", "arn:aws:rolesanywhere:us-east-1:111122223333:trust-anchor/ta",
            "--profile-arn", "arn:aws:rolesanywhere:us-east-1:111122223333:profile/p",
            "--role-arn", "arn:aws:iam::111122223333:role/ToolTestRole",
            "--endpoint", "http://127.0.0.1:9",
        ],
        a => LibraryCredentialSource.Create(a, pinPrompt: null));

    private static void AssertNoOptionNames(string stderr)
    {
        foreach (var name in OptionNames)
        {
            Assert.DoesNotContain(name, stderr, StringComparison.Ordinal);
        }
    }
}
