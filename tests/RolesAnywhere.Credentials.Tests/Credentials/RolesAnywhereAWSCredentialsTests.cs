using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using RolesAnywhere.Credentials.Testing.Certificates;

namespace RolesAnywhere.Credentials.Tests.Credentials;

/// <summary>End to end over real HTTP: the emulator verifies every signature and chain cryptographically.</summary>
public sealed class RolesAnywhereAWSCredentialsTests
{
    public static TheoryData<TestKeyType, bool, bool> KeyTypes()
    {
        var data = new TheoryData<TestKeyType, bool, bool>();
        foreach (var key in new[] { TestKeyType.Rsa2048, TestKeyType.Rsa4096, TestKeyType.EcdsaP256, TestKeyType.EcdsaP384, TestKeyType.EcdsaP521 })
        {
            data.Add(key, false, key is TestKeyType.Rsa2048 or TestKeyType.EcdsaP384);
            data.Add(key, true, key is not (TestKeyType.Rsa2048 or TestKeyType.EcdsaP384));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KeyTypes))]
    public async Task GetCredentials_EveryKeyType_IsAcceptedByTheEmulator(TestKeyType keyType, bool withIntermediate, bool synchronous)
    {
        await using var world = await EmulatorWorld.StartAsync();
        using var issuing = world.Root.CreateIntermediate(new TestCertificateOptions { SubjectName = "CN=Issuing CA", KeyType = TestKeyType.EcdsaP256 });
        var issuer = withIntermediate ? issuing : world.Root;
        using var leaf = SharedKeys.Issue(issuer, keyType, $"CN={keyType}");
        var options = world.OptionsFor(leaf, withIntermediate ? [issuing.Certificate] : null);
        using var credentials = world.Credentials(options);

        var immutable = synchronous ? credentials.GetCredentials() : await credentials.GetCredentialsAsync();

        var request = Assert.Single(world.SessionRequests);
        Assert.Equal(201, request.StatusCode);
        Assert.Equal(request.IssuedAccessKeyId, immutable.AccessKey);
        Assert.False(string.IsNullOrEmpty(immutable.SecretKey));
        Assert.False(string.IsNullOrEmpty(immutable.Token));
        Assert.Equal(world.Emulator.AccountId, immutable.AccountId);
        Assert.Equal(withIntermediate, request.Headers.ContainsKey("X-Amz-X509-Chain"));
        Assert.Equal("application/json", request.Headers["Content-Type"]);
        var algorithm = keyType is TestKeyType.Rsa2048 or TestKeyType.Rsa4096 ? "AWS4-X509-RSA-SHA256 " : "AWS4-X509-ECDSA-SHA256 ";
        Assert.StartsWith(algorithm, request.Headers["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCredentials_SecondCall_IsServedFromCache()
    {
        await using var world = await EmulatorWorld.StartAsync();
        using var credentials = world.Credentials(world.IssueOptions());

        var first = await credentials.GetCredentialsAsync();
        world.Clock.Advance(TimeSpan.FromMinutes(10));
        var second = credentials.GetCredentials();

        Assert.Same(first, second);
        Assert.Single(world.SessionRequests);
    }

    [Fact]
    public async Task GetCallerIdentity_RealStsClientWithOurCredentials_IsAcceptedByTheEmulator()
    {
        await using var world = await EmulatorWorld.StartAsync();
        using var credentials = world.Credentials(world.IssueOptions(TestKeyType.Rsa2048));
        using var sts = new AmazonSecurityTokenServiceClient(credentials, new AmazonSecurityTokenServiceConfig
        {
            ServiceURL = world.Emulator.Endpoint.ToString(),
            AuthenticationRegion = "eu-west-1",
        });

        var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), TestContext.Current.CancellationToken);

        Assert.Equal(world.Emulator.AccountId, identity.Account);
        Assert.Contains("assumed-role/app/", identity.Arn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicConstructor_IssueSample_ProducesCredentials()
    {
        await using var world = await EmulatorWorld.StartAsync();
        var options = world.IssueOptions();
        options.SessionDuration = TimeSpan.FromHours(1);
        options.RoleSessionName = null;

        using var credentials = new RolesAnywhereAWSCredentials(options);
        var immutable = await credentials.GetCredentialsAsync();

        Assert.StartsWith("ASIA", immutable.AccessKey, StringComparison.Ordinal);
        var expiration = Assert.NotNull(credentials.Expiration);
        Assert.Equal(DateTimeKind.Utc, expiration.Kind);
    }

    [Fact]
    public async Task PublicConstructorWithLoggerFactory_LogsTheSessionWithoutSecrets()
    {
        await using var world = await EmulatorWorld.StartAsync();
        var logs = new Hosting.CapturingLoggerProvider();
        using var loggerFactory = new Microsoft.Extensions.Logging.LoggerFactory([logs]);

        using var credentials = new RolesAnywhereAWSCredentials(world.IssueOptions(), loggerFactory);
        var immutable = await credentials.GetCredentialsAsync();

        var success = Assert.Single(logs.Entries, e => e.EventId.Id == 1);
        Assert.Equal("RolesAnywhere.Credentials", success.Category);
        Assert.Equal("eu-west-1", success.Value("Region"));
        Assert.DoesNotContain(immutable.SecretKey, logs.AllText(), StringComparison.Ordinal);
        Assert.DoesNotContain(immutable.Token, logs.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicConstructorWithoutLoggerFactory_StillProducesCredentials()
    {
        await using var world = await EmulatorWorld.StartAsync();

        using var credentials = new RolesAnywhereAWSCredentials(world.IssueOptions(), loggerFactory: null);
        var immutable = await credentials.GetCredentialsAsync();

        Assert.StartsWith("ASIA", immutable.AccessKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expiration_IsTheSessionsMinusTheSdkBuffer_InUtc()
    {
        await using var world = await EmulatorWorld.StartAsync();
        var options = world.IssueOptions();
        options.SessionDuration = TimeSpan.FromMinutes(30);
        using var credentials = world.Credentials(options);

        await credentials.GetCredentialsAsync();

        var expected = world.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromMinutes(30) - credentials.ExpirationBuffer;
        var expiration = Assert.NotNull(credentials.Expiration);
        Assert.Equal(DateTimeKind.Utc, expiration.Kind);
        Assert.InRange(expiration, expected.AddSeconds(-2), expected.AddSeconds(2));
        Assert.True(credentials.PreemptExpiryTime < TimeSpan.FromMinutes(29));
        Assert.True(credentials.PreemptExpiryTime > TimeSpan.Zero);
    }

    [Fact]
    public async Task Constructor_ManyBadSettings_ListsThemAllBeforeSending()
    {
        await using var world = await EmulatorWorld.StartAsync();
        var options = world.BaseOptions();
        options.RoleArn = "not-an-arn";
        options.SessionDuration = TimeSpan.FromMinutes(5);
        options.CertificatePath = Path.Combine(world.Folder, "missing.pem");
        options.PrivateKeyPath = Path.Combine(world.Folder, "missing.key");

        var ex = Assert.Throws<RolesAnywhereConfigurationException>(() => world.Credentials(options));

        Assert.Contains("RoleArn", ex.Message, StringComparison.Ordinal);
        Assert.Contains("SessionDuration", ex.Message, StringComparison.Ordinal);
        Assert.Contains("missing.pem", ex.Message, StringComparison.Ordinal);
        Assert.Empty(world.SessionRequests);
    }

    [Fact]
    public async Task Constructor_PlainHttpToRemoteHost_IsRefused()
    {
        await using var world = await EmulatorWorld.StartAsync();
        var options = world.IssueOptions();
        options.Endpoint = new Uri("http://rolesanywhere.example.com");

        var ex = Assert.Throws<RolesAnywhereConfigurationException>(() => world.Credentials(options));

        Assert.Contains("loopback", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispose_ThenGetCredentials_DoesNotSendAnything()
    {
        await using var world = await EmulatorWorld.StartAsync();
        var credentials = world.Credentials(world.IssueOptions());

        credentials.Dispose();

        Assert.ThrowsAny<ObjectDisposedException>(() => credentials.GetCredentials());
        Assert.Empty(world.SessionRequests);
    }
}
