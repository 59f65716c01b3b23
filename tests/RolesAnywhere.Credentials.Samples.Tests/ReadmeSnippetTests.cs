using System.Reflection;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using RolesAnywhere.Credentials.Testing;
using RolesAnywhere.Credentials.Testing.Certificates;

// The snippet is the README's, written for an application: it passes no test cancellation token.
#pragma warning disable xUnit1051

namespace RolesAnywhere.Credentials.Samples.Tests;

/// <summary>
/// The README's emulator snippet, run as written: the lines between the markers below must equal the README's
/// code block (after its using directives), so a newcomer who pastes it gets code that compiles and passes.
/// </summary>
public sealed class ReadmeSnippetTests
{
    [Fact]
    public async Task EmulatorSnippet_RunsAsWritten()
    {
        // README:begin
        using var ca = TestCertificateAuthority.CreateRoot();                       // P-256 root (RSA/EC, any size)
        using var client = ca.IssueClientCertificate(new TestCertificateOptions { KeyType = TestKeyType.Rsa2048 });
        var directory = Directory.CreateTempSubdirectory().FullName;
        string certificatePath = Path.Combine(directory, "client.pem"), keyPath = Path.Combine(directory, "client.key");
        TestCertificatePem.WriteFiles(client, certificatePath, keyPath);

        // TimeProvider is optional (default: the system clock); a FakeTimeProvider (Microsoft.Extensions.TimeProvider.Testing)
        // lets a test move the emulator's clock to expiry without waiting.
        await using var emulator = await RolesAnywhereEmulator.StartAsync(new RolesAnywhereEmulatorOptions { Region = "eu-west-1" });
        var trustAnchorArn = emulator.AddTrustAnchor(ca.Certificate);
        var roleArn = emulator.RoleArn("app");
        var profileArn = emulator.AddProfile(new EmulatorProfile { RoleArns = [roleArn], AcceptRoleSessionName = true });

        using var credentials = new RolesAnywhereAWSCredentials(new RolesAnywhereOptions
        {
            TrustAnchorArn = trustAnchorArn, ProfileArn = profileArn, RoleArn = roleArn,
            CertificatePath = certificatePath, PrivateKeyPath = keyPath,
            Endpoint = emulator.Endpoint,                                           // CreateSession goes to the emulator
        });
        // AWS SDK clients too: the emulator answers STS GetCallerIdentity for the credentials it issued.
        using var sts = new AmazonSecurityTokenServiceClient(credentials,
            new AmazonSecurityTokenServiceConfig { ServiceURL = emulator.Endpoint.ToString(), AuthenticationRegion = emulator.Region });
        var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        emulator.EnqueueFault(EmulatorFault.Throttle(TimeSpan.FromSeconds(1)), count: 2); // then 429, 429, normal
        emulator.Revoke(client);                                                          // later: "Untrusted signing certificate"
        Assert.Equal(1, emulator.SuccessfulSessionCount);
        var last = emulator.Requests[^1];   // headers, body, status, error type, and the emulator's precise RejectionReason
        // README:end

        Assert.Contains(":assumed-role/app/", identity.Arn, StringComparison.Ordinal);
        Assert.Equal(2, emulator.Requests.Count);                                  // CreateSession (201), then STS (200)
        Assert.Equal(201, emulator.Requests[0].StatusCode);
        Assert.Equal(200, last.StatusCode);
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void EmulatorSnippet_IsTheReadmesCodeBlock()
    {
        var readme = File.ReadAllLines(Path.Combine(RepositoryRoot(), "README.md"));
        var start = Array.FindIndex(readme, line => line.StartsWith("using var ca = TestCertificateAuthority.CreateRoot();", StringComparison.Ordinal));
        Assert.True(start > 0, "The README's emulator snippet was not found.");
        var end = Array.FindIndex(readme, start, line => line == "```");
        var fromReadme = readme[start..end].Select(Normalize).ToArray();

        var source = File.ReadAllLines(SourcePath());
        var begin = Array.FindIndex(source, line => line.Trim() == "// README:begin") + 1;
        var stop = Array.FindIndex(source, line => line.Trim() == "// README:end");
        var fromTest = source[begin..stop].Select(Normalize).ToArray();

        Assert.Equal(fromReadme, fromTest);
    }

    private static string Normalize(string line) => line.Trim();

    // Not [CallerFilePath]: CI builds map source paths to /_/ (deterministic builds); the build records the checkout.
    private static string SourcePath() => Path.Combine(RepositoryRoot(), "tests", "RolesAnywhere.Credentials.Samples.Tests", "ReadmeSnippetTests.cs");

    private static string RepositoryRoot() =>
        typeof(ReadmeSnippetTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
}
