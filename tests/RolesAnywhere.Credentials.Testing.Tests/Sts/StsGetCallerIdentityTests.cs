using System.Net;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Microsoft.Extensions.Time.Testing;
using RolesAnywhere.Credentials.Testing.Tests.Support;

namespace RolesAnywhere.Credentials.Testing.Tests.Sts;

/// <summary>
/// The whole chain offline: certificate → CreateSession → temporary credentials → a real AWS SDK STS client call
/// whose ordinary SigV4 signature the emulator verifies with the secret it handed out.
/// </summary>
public sealed class StsGetCallerIdentityTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task GetCallerIdentity_SdkClientWithIssuedCredentials_ReturnsAssumedRole()
    {
        var issued = await IssuedCredentials.CreateSessionAsync(fixture.Http, fixture.Request(TestPki.EcLeaf, fixture.EcAnchorArn));
        using var sts = Client(fixture.Emulator, new SessionAWSCredentials(issued.AccessKeyId, issued.Secret, issued.Token));

        var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), TestContext.Current.CancellationToken);

        Assert.Equal(issued.AssumedRoleArn, identity.Arn);
        Assert.Equal("111122223333", identity.Account);
        Assert.Equal(issued.AssumedRoleId, identity.UserId);
        var recorded = fixture.Emulator.Requests[^1];
        Assert.Equal(200, recorded.StatusCode);
        Assert.Contains("Action=GetCallerIdentity", recorded.Body, StringComparison.Ordinal);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=" + issued.AccessKeyId + "/", recorded.Headers["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCallerIdentity_WrongSecretKey_SignatureDoesNotMatch()
    {
        var issued = await IssuedCredentials.CreateSessionAsync(fixture.Http, fixture.Request(TestPki.RsaLeaf, fixture.RsaAnchorArn));
        var wrongSecret = issued.Secret[..^1] + (issued.Secret[^1] == 'A' ? 'B' : 'A');
        using var sts = Client(fixture.Emulator, new SessionAWSCredentials(issued.AccessKeyId, wrongSecret, issued.Token));

        var error = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() =>
            sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), TestContext.Current.CancellationToken));

        Assert.Equal("SignatureDoesNotMatch", error.ErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Fact]
    public async Task GetCallerIdentity_WrongSessionToken_InvalidClientTokenId()
    {
        var issued = await IssuedCredentials.CreateSessionAsync(fixture.Http, fixture.Request(TestPki.EcLeaf, fixture.EcAnchorArn));
        using var sts = Client(fixture.Emulator, new SessionAWSCredentials(issued.AccessKeyId, issued.Secret, issued.Token + "x"));

        var error = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() =>
            sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), TestContext.Current.CancellationToken));

        Assert.Equal("InvalidClientTokenId", error.ErrorCode);
    }

    [Fact]
    public async Task GetCallerIdentity_KeyNotIssuedByEmulator_InvalidClientTokenId()
    {
        using var sts = Client(fixture.Emulator, new SessionAWSCredentials("ASIAAAAAAAAAAAAAAAAA", new string('s', 40), "token"));

        var error = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() =>
            sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), TestContext.Current.CancellationToken));

        Assert.Equal("InvalidClientTokenId", error.ErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Fact]
    public async Task GetCallerIdentity_CredentialsExpiredOnEmulatorClock_ExpiredToken()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        await using var emulator = await RolesAnywhereEmulator.StartAsync(new RolesAnywhereEmulatorOptions { TimeProvider = clock }, TestContext.Current.CancellationToken);
        var anchor = emulator.AddTrustAnchor(TestPki.EcRoot.Certificate);
        var role = emulator.RoleArn("app");
        var profile = emulator.AddProfile(new EmulatorProfile { RoleArns = [role] });
        var issued = await IssuedCredentials.CreateSessionAsync(fixture.Http, new SessionRequest
        {
            Endpoint = emulator.Endpoint, Certificate = TestPki.EcLeaf, Region = emulator.Region, SignedAt = clock.GetUtcNow(),
            TrustAnchorArn = anchor, ProfileArn = profile, RoleArn = role, DurationSeconds = 900,
        });
        clock.Advance(TimeSpan.FromSeconds(900));
        using var sts = Client(emulator, new SessionAWSCredentials(issued.AccessKeyId, issued.Secret, issued.Token));

        var error = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() =>
            sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), TestContext.Current.CancellationToken));

        Assert.Equal("ExpiredToken", error.ErrorCode);
    }

    private static AmazonSecurityTokenServiceClient Client(RolesAnywhereEmulator emulator, AWSCredentials credentials) =>
        new(credentials, new AmazonSecurityTokenServiceConfig
        {
            ServiceURL = emulator.Endpoint.ToString(),
            AuthenticationRegion = emulator.Region,
            MaxErrorRetry = 0,
        });
}
