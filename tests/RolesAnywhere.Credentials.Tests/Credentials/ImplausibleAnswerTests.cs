using Microsoft.Extensions.Logging;
using RolesAnywhere.Credentials.Tests.Hosting;
using RolesAnywhere.Credentials.TestSupport;

namespace RolesAnywhere.Credentials.Tests.Credentials;

/// <summary>
/// Answers the emulator never gives, from a real loopback endpoint: credentials already expired or about to expire
/// (a failed attempt: retried, never handed out), an expiry in the year 9999 (capped to the requested duration and
/// logged), and a 50 MB body (reported as too large, not as unreachable).
/// </summary>
public sealed class ImplausibleAnswerTests
{
    [Theory]
    [InlineData(-60, false)]
    [InlineData(30, false)]
    [InlineData(-60, true)]
    [InlineData(30, true)]
    public async Task GetCredentials_ExpiredOrNearlyExpiredAnswer_IsAFailedAttemptRetriedThenThrown(int secondsLeft, bool synchronous)
    {
        await using var world = await EmulatorWorld.StartAsync(TimeProvider.System);
        await using var service = CannedService.Serve(n => CannedService.Session(DateTimeOffset.UtcNow.AddSeconds(secondsLeft), n));
        var options = world.IssueOptions();
        options.Endpoint = service.Endpoint;
        options.MaxRetries = 2;
        using var credentials = world.Credentials(options);

        var ex = synchronous
            ? Assert.Throws<RolesAnywhereServiceException>(() => credentials.GetCredentials())
            : await Assert.ThrowsAsync<RolesAnywhereServiceException>(credentials.GetCredentialsAsync);

        Assert.Contains("CreateSession returned credentials that expire at", ex.Message, StringComparison.Ordinal);
        Assert.Contains("check the clock (NTP)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Gave up after 3 attempt(s)", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, service.Requests);
        Assert.Null(credentials.Expiration);
    }

    [Fact]
    public async Task GetCredentials_NearlyExpiredThenGoodAnswer_ReturnsOnlyTheGoodOne()
    {
        await using var world = await EmulatorWorld.StartAsync(TimeProvider.System);
        await using var service = CannedService.Serve(n => CannedService.Session(DateTimeOffset.UtcNow.AddSeconds(n == 1 ? 30 : 3600), n));
        var options = world.IssueOptions();
        options.Endpoint = service.Endpoint;
        using var credentials = world.Credentials(options);

        var got = await credentials.GetCredentialsAsync();

        Assert.Equal("ASIACANNED0000000002", got.AccessKey);
        Assert.Equal(2, service.Requests);
    }

    [Fact]
    public async Task GetCredentials_ExpiryInYear9999_CappedToRequestedDurationAndLogged()
    {
        await using var world = await EmulatorWorld.StartAsync(TimeProvider.System);
        await using var service = CannedService.Serve(n => CannedService.Session(new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero), n));
        var options = world.IssueOptions();
        options.Endpoint = service.Endpoint;
        options.SessionDuration = TimeSpan.FromMinutes(30);
        var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        using var credentials = new RolesAnywhereAWSCredentials(options, factory);

        await credentials.GetCredentialsAsync();
        var expiration = credentials.Expiration!.Value;

        Assert.InRange(expiration, DateTime.UtcNow, DateTime.UtcNow.AddMinutes(30));
        var capped = Assert.Single(logs.Entries, e => e.EventId.Name == "ExpirationCapped");
        Assert.Equal(LogLevel.Warning, capped.Level);
        Assert.Contains("9999-12-31T23:59:59", capped.Message, StringComparison.Ordinal);
        Assert.Contains("capped", capped.Message, StringComparison.Ordinal);

        // Served from the cache until the capped time, then refreshed: never "forever".
        Assert.Equal(1, service.Requests);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GetCredentials_FiftyMegabyteAnswer_ReportedAsTooLargeNotUnreachable(bool synchronous)
    {
        await using var world = await EmulatorWorld.StartAsync(TimeProvider.System);
        await using var service = CannedService.Serve(_ => CannedService.Huge(50L * 1024 * 1024));
        var options = world.IssueOptions();
        options.Endpoint = service.Endpoint;
        using var credentials = world.Credentials(options);

        var ex = synchronous
            ? Assert.Throws<RolesAnywhereServiceException>(() => credentials.GetCredentials())
            : await Assert.ThrowsAsync<RolesAnywhereServiceException>(credentials.GetCredentialsAsync);

        Assert.Contains("too large", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MaxResponseBytes", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("could not reach", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, service.Requests);
    }
}
