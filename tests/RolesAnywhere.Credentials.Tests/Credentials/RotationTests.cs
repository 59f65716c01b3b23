using RolesAnywhere.Credentials.TestSupport;
using RolesAnywhere.Credentials.Testing.Certificates;

namespace RolesAnywhere.Credentials.Tests.Credentials;

/// <summary>Certificate and key files replaced on disk while the credentials live.</summary>
public sealed class RotationTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Refresh_FilesReplaced_NextRequestUsesTheNewPair(bool synchronous)
    {
        await using var world = await EmulatorWorld.StartAsync();
        using var oldLeaf = world.Root.IssueClientCertificate(new TestCertificateOptions { SubjectName = "CN=old" });
        var options = world.OptionsFor(oldLeaf);
        using var credentials = world.Credentials(options);
        await credentials.GetCredentialsAsync();

        using var newLeaf = SharedKeys.Issue(world.Root, TestKeyType.Rsa2048, "CN=new");
        TestCertificatePem.WriteFiles(newLeaf, options.CertificatePath!, options.PrivateKeyPath!);
        world.Clock.Advance(TimeSpan.FromHours(1));
        var renewed = synchronous ? credentials.GetCredentials() : await credentials.GetCredentialsAsync();

        var requests = world.SessionRequests;
        Assert.Equal(2, requests.Count);
        Assert.Equal(Convert.ToBase64String(oldLeaf.RawData), requests[0].Headers["X-Amz-X509"]);
        Assert.Equal(Convert.ToBase64String(newLeaf.RawData), requests[1].Headers["X-Amz-X509"]);
        Assert.Equal(201, requests[1].StatusCode);
        Assert.Equal(requests[1].IssuedAccessKeyId, renewed.AccessKey);
    }

    [Fact]
    public async Task Refresh_CertificateReplacedButNotKey_IsReportedNotSent_AndLastGoodServed()
    {
        await using var world = await EmulatorWorld.StartAsync();
        using var oldLeaf = world.Root.IssueClientCertificate();
        var options = world.OptionsFor(oldLeaf);
        var observer = new RecordingObserver(world.Clock);
        using var credentials = world.Credentials(options, observer);
        var first = await credentials.GetCredentialsAsync();

        using var newLeaf = world.Root.IssueClientCertificate();
        File.WriteAllText(options.CertificatePath!, TestCertificatePem.Certificate(newLeaf));
        world.Clock.Advance(TimeSpan.FromMinutes(50));
        var during = credentials.GetCredentials();
        await Eventually.HoldsAsync(() => !observer.Failures.IsEmpty);

        Assert.Same(first, during);
        var (error, servingLastGood) = Assert.Single(observer.Failures);
        Assert.IsType<RolesAnywhereConfigurationException>(error);
        Assert.True(servingLastGood);
        Assert.Single(world.SessionRequests);

        // The key catches up: the next attempt after the back-off uses the matching new pair.
        File.WriteAllText(options.PrivateKeyPath!, TestCertificatePem.PrivateKey(newLeaf));
        world.Clock.Advance(TimeSpan.FromMinutes(1));

        // The observer hears of the failure before the SDK stores the deferred state, so a call made in between can
        // find the failed refresh still running and start none: keep asking, as an application would (failed in CI).
        await Eventually.HoldsAsync(() =>
        {
            credentials.GetCredentials();
            return observer.Successes == 2;
        });
        Assert.Equal(Convert.ToBase64String(newLeaf.RawData), world.SessionRequests[^1].Headers["X-Amz-X509"]);
    }

    [Fact]
    public async Task Refresh_CertificateExpiredOnDisk_IsReportedNotSent()
    {
        await using var world = await EmulatorWorld.StartAsync();
        var now = world.Clock.GetUtcNow();
        using var leaf = world.Root.IssueClientCertificate(new TestCertificateOptions { NotBefore = now.AddDays(-1), NotAfter = now.AddMinutes(30) });
        var options = world.OptionsFor(leaf);
        using var credentials = world.Credentials(options);
        await credentials.GetCredentialsAsync();

        world.Clock.Advance(TimeSpan.FromHours(1));
        var ex = Assert.Throws<RolesAnywhereConfigurationException>(() => credentials.GetCredentials());

        Assert.Contains("expired", ex.Message, StringComparison.Ordinal);
        Assert.Single(world.SessionRequests);
    }

    [Fact]
    public async Task Refresh_OptionsObjectChangedAfterConstruction_KeepsTheConfiguredFiles()
    {
        await using var world = await EmulatorWorld.StartAsync();
        using var leaf = world.Root.IssueClientCertificate();
        var options = world.OptionsFor(leaf);
        using var credentials = world.Credentials(options);
        await credentials.GetCredentialsAsync();

        options.CertificatePath = Path.Combine(world.Folder, "elsewhere.pem");
        options.PrivateKeyPath = Path.Combine(world.Folder, "elsewhere.key");
        world.Clock.Advance(TimeSpan.FromHours(1));
        await credentials.GetCredentialsAsync();

        Assert.All(world.SessionRequests, r => Assert.Equal(Convert.ToBase64String(leaf.RawData), r.Headers["X-Amz-X509"]));
        Assert.Equal(2, world.SessionRequests.Count);
    }

    [Fact]
    public void FileStampsOf_IgnoresUnsetPaths()
    {
        var stamps = RolesAnywhere.Credentials.Refresh.FileStamp.Of(null, "", Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N")));

        var stamp = Assert.Single(stamps);
        Assert.Equal(-1, stamp.Length);
    }

}
