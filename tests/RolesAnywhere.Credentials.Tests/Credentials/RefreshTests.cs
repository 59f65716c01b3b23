using Amazon.Runtime;
using RolesAnywhere.Credentials.TestSupport;
using RolesAnywhere.Credentials.Testing;

namespace RolesAnywhere.Credentials.Tests.Credentials;

/// <summary>Expiry, single-flight and last-good behaviour, driven by the shared fake clock (no sleeping).</summary>
public sealed class RefreshTests
{
    [Fact]
    public async Task GetCredentialsAsync_ThousandCallersAtExpiry_CauseOneCreateSession()
    {
        await using var world = await EmulatorWorld.StartAsync();
        using var credentials = world.Credentials(world.IssueOptions());
        var first = await credentials.GetCredentialsAsync();
        world.Clock.Advance(TimeSpan.FromHours(1));

        using var start = new ManualResetEventSlim(false);
        var callers = Enumerable.Range(0, 1000)
            .Select(i => Task.Run(
                async () =>
                {
                    start.Wait(TestContext.Current.CancellationToken);
                    return i % 100 == 0 ? credentials.GetCredentials() : await credentials.GetCredentialsAsync();
                },
                TestContext.Current.CancellationToken))
            .ToArray();
        start.Set();
        var results = await Task.WhenAll(callers);

        Assert.Equal(2, world.SessionRequests.Count);
        Assert.All(results, r => Assert.Equal(results[0].AccessKey, r.AccessKey));
        Assert.NotEqual(first.AccessKey, results[0].AccessKey);
    }

    [Fact]
    public async Task GetCredentials_InPreemptWindow_ReturnsCurrentAndRefreshesInBackground()
    {
        await using var world = await EmulatorWorld.StartAsync();
        var observer = new RecordingObserver();
        using var credentials = world.Credentials(world.IssueOptions(), observer);
        var first = await credentials.GetCredentialsAsync();
        var untilWindow = credentials.Expiration!.Value - world.Clock.GetUtcNow().UtcDateTime - credentials.PreemptExpiryTime;
        world.Clock.Advance(untilWindow + TimeSpan.FromSeconds(1));

        var during = credentials.GetCredentials();
        // The success is heard just before the SDK stores the new credentials: ask until they are served.
        ImmutableCredentials after = during;
        await Eventually.HoldsAsync(() =>
        {
            after = credentials.GetCredentials();
            return observer.Successes == 2 && after.AccessKey != first.AccessKey;
        });

        Assert.Equal(2, observer.Successes);
        Assert.Same(first, during);
        Assert.NotEqual(first.AccessKey, after.AccessKey);
        Assert.Equal(2, world.SessionRequests.Count);
    }

    [Fact]
    public async Task GetCredentials_BackgroundRefreshFails_KeepsLastGoodUntilExpiry_ThenThrows()
    {
        await using var world = await EmulatorWorld.StartAsync();
        var observer = new RecordingObserver(world.Clock);
        var options = world.IssueOptions();
        options.MaxRetries = 0;
        using var credentials = world.Credentials(options, observer);
        var first = await credentials.GetCredentialsAsync();
        world.Emulator.UpdateProfile(world.ProfileArn, new EmulatorProfile { RoleArns = [], Enabled = true });

        world.Clock.Advance(TimeSpan.FromMinutes(50));
        var during = await credentials.GetCredentialsAsync();
        await Eventually.HoldsAsync(() => !observer.Failures.IsEmpty);
        var (error, servingLastGood) = Assert.Single(observer.Failures);
        Assert.True(servingLastGood);
        Assert.IsType<RolesAnywhereServiceException>(error);
        Assert.Same(first, during);

        // Within the failure back-off no further request is made, however many callers ask.
        var requests = world.SessionRequests.Count;
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(first.AccessKey, credentials.GetCredentials().AccessKey);
        }

        Assert.Equal(requests, world.SessionRequests.Count);

        // Past the real expiry the stale credentials are never returned.
        world.Clock.Advance(TimeSpan.FromMinutes(11));
        var ex = await Assert.ThrowsAsync<RolesAnywhereServiceException>(credentials.GetCredentialsAsync);
        Assert.Contains("does not allow the role", ex.Message, StringComparison.Ordinal);
        Assert.Throws<RolesAnywhereServiceException>(() => credentials.GetCredentials());
    }

    [Fact]
    public async Task GetCredentials_ServiceRecovers_NewCredentialsReplaceLastGood()
    {
        await using var world = await EmulatorWorld.StartAsync();
        var observer = new RecordingObserver(world.Clock);
        var options = world.IssueOptions();
        options.MaxRetries = 0;
        using var credentials = world.Credentials(options, observer);
        var first = await credentials.GetCredentialsAsync();
        world.Emulator.EnqueueFault(EmulatorFault.InternalError());
        world.Clock.Advance(TimeSpan.FromMinutes(50));
        credentials.GetCredentials();
        await Eventually.HoldsAsync(() => !observer.Failures.IsEmpty);

        world.Clock.Advance(TimeSpan.FromMinutes(1));
        var retried = credentials.GetCredentials();

        // The observer hears of the failure before the SDK stores the deferred state, so a call made in between
        // can find the failed refresh still running and start none: keep asking, as an application would.
        // Likewise the success is heard just before the SDK stores the new credentials: ask until they are served.
        ImmutableCredentials fresh = retried;
        await Eventually.HoldsAsync(() =>
        {
            fresh = credentials.GetCredentials();
            return observer.Successes == 2 && fresh.AccessKey != first.AccessKey;
        });

        Assert.Equal(2, observer.Successes);
        Assert.Same(first, retried);
        Assert.NotEqual(first.AccessKey, fresh.AccessKey);
    }

    [Fact]
    public async Task GetCredentials_FirstCallFails_ThrowsAndNeverReturnsEmptyCredentials()
    {
        await using var world = await EmulatorWorld.StartAsync();
        var options = world.IssueOptions();
        options.MaxRetries = 0;
        world.Emulator.EnqueueFault(EmulatorFault.ServiceUnavailable());
        using var credentials = world.Credentials(options);

        var ex = Assert.Throws<RolesAnywhereServiceException>(() => credentials.GetCredentials());

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Null(credentials.Expiration);

        // Within the failure back-off every caller gets that same failure at once, without a request.
        Assert.Same(ex, await Assert.ThrowsAsync<RolesAnywhereServiceException>(credentials.GetCredentialsAsync));
        Assert.Single(world.SessionRequests);

        // After it, the next caller asks again.
        world.Clock.Advance(RolesAnywhere.Credentials.Refresh.SessionRefresher.MaxFailureDelay);
        var next = await credentials.GetCredentialsAsync();
        Assert.False(string.IsNullOrEmpty(next.AccessKey));
    }

    [Fact]
    public async Task GetCredentials_ProfileCapsDuration_PreemptStaysShorterThanLifetime()
    {
        await using var world = await EmulatorWorld.StartAsync();
        var options = world.IssueOptions();
        options.SessionDuration = TimeSpan.FromMinutes(15);
        using var credentials = world.Credentials(options);

        var first = await credentials.GetCredentialsAsync();
        var again = await credentials.GetCredentialsAsync();

        Assert.Same(first, again);
        Assert.Single(world.SessionRequests);
        Assert.True(credentials.PreemptExpiryTime < TimeSpan.FromMinutes(5), credentials.PreemptExpiryTime.ToString());
    }

    [Fact]
    public async Task GetCredentials_BackgroundRefreshBlocked_ReturnsWithoutWaitingForIt()
    {
        await using var world = await EmulatorWorld.StartAsync();
        using var gate = new ManualResetEventSlim(false);
        var observer = new BlockingObserver(gate);
        using var credentials = world.Credentials(world.IssueOptions(), observer);
        var first = await credentials.GetCredentialsAsync();
        observer.Block = true;
        world.Clock.Advance(TimeSpan.FromMinutes(50));

        // If the refresh ran on this thread (as the SDK starts it, inside its lock) this would hang.
        var during = await Task.Run(() => credentials.GetCredentials(), TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        var duringAsync = await credentials.GetCredentialsAsync().WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        gate.Set();

        Assert.Same(first, during);
        Assert.Same(first, duringAsync);
    }

    private sealed class BlockingObserver(ManualResetEventSlim gate) : RolesAnywhere.Credentials.Sessions.ICreateSessionObserver
    {
        public volatile bool Block;

        public void AttemptStarted(RolesAnywhere.Credentials.Sessions.CreateSessionAttemptInfo attempt)
        {
            if (Block)
            {
                gate.Wait(TimeSpan.FromSeconds(30));
            }
        }
    }
}
