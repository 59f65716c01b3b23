using RolesAnywhere.Credentials.Refresh;
using RolesAnywhere.Credentials.TestSupport;
using RolesAnywhere.Credentials.Tool.Credentials;
using RolesAnywhere.Credentials.Tool.Tests.Support;

namespace RolesAnywhere.Credentials.Tool.Tests.Credentials;

public sealed class CredentialKeeperTests
{
    private readonly TimerClock time = new(new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task RefreshAsync_ManyConcurrentCallers_OneFetch()
    {
        var source = new ScriptedCredentialSource(time) { Delay = TimeSpan.FromMilliseconds(100) };
        var keeper = new CredentialKeeper(source, time);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => keeper.GetAsync(TestContext.Current.CancellationToken)));

        Assert.Equal(1, source.Calls);
        Assert.All(results, r => Assert.Same(results[0], r));
    }

    [Fact]
    public async Task Current_RefreshFailsWhileValid_KeepsLastGood()
    {
        var source = new ScriptedCredentialSource(time);
        var keeper = new CredentialKeeper(source, time);
        var good = await keeper.RefreshAsync(TestContext.Current.CancellationToken);

        source.FailWith = new RolesAnywhereServiceException("throttled", System.Net.HttpStatusCode.TooManyRequests, "ThrottlingException", null);
        time.Advance(TimeSpan.FromMinutes(50));
        var failed = await keeper.RefreshAsync(TestContext.Current.CancellationToken);

        Assert.Null(failed);
        Assert.Same(good, keeper.Current);
        Assert.IsType<RolesAnywhereServiceException>(keeper.LastError);
    }

    [Fact]
    public async Task Current_LastGoodExpired_Null()
    {
        var source = new ScriptedCredentialSource(time);
        var keeper = new CredentialKeeper(source, time);
        await keeper.RefreshAsync(TestContext.Current.CancellationToken);
        source.FailWith = new RolesAnywhereServiceException("down", System.Net.HttpStatusCode.ServiceUnavailable, null, null);

        time.Advance(TimeSpan.FromMinutes(59.5));

        Assert.Null(keeper.Current);
        Assert.Null(await keeper.GetAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task RefreshAsync_SourceReturnsExpiredCredentials_Rejected()
    {
        var source = new ScriptedCredentialSource(time, lifetime: TimeSpan.FromSeconds(30));
        var keeper = new CredentialKeeper(source, time);

        Assert.Null(await keeper.RefreshAsync(TestContext.Current.CancellationToken));
        Assert.Null(keeper.Current);
        Assert.Contains("only 30 s from now", keeper.LastError!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DelayBeforeNextRefresh_AfterSuccess_15MinutesBeforeExpiryOrHalfLife()
    {
        var keeper = new CredentialKeeper(new ScriptedCredentialSource(time), time, schedule: RefreshSchedule.ForCredentialServers(() => 0));
        Assert.Equal(TimeSpan.Zero, keeper.DelayBeforeNextRefresh(0));

        await keeper.RefreshAsync(TestContext.Current.CancellationToken);
        Assert.Equal(TimeSpan.FromMinutes(45), keeper.DelayBeforeNextRefresh(0));

        var shortLived = new CredentialKeeper(new ScriptedCredentialSource(time, TimeSpan.FromMinutes(15)), time, schedule: RefreshSchedule.ForCredentialServers(() => 0));
        await shortLived.RefreshAsync(TestContext.Current.CancellationToken);
        Assert.Equal(TimeSpan.FromMinutes(7.5), shortLived.DelayBeforeNextRefresh(0));
    }

    [Fact]
    public async Task DelayBeforeNextRefresh_DaemonsStartedTogether_AreSpreadNeverLaterThan15Minutes()
    {
        // The library's one schedule with jitter: serve/update processes started together no longer refresh in lockstep,
        // and none waits past 15 minutes before expiry (the SDKs' own window).
        var delays = new HashSet<TimeSpan>();
        foreach (var draw in new[] { 0.0, 0.25, 0.5, 0.75, 0.999 })
        {
            var keeper = new CredentialKeeper(new ScriptedCredentialSource(time), time, schedule: RefreshSchedule.ForCredentialServers(() => draw));
            await keeper.RefreshAsync(TestContext.Current.CancellationToken);
            var delay = keeper.DelayBeforeNextRefresh(0);
            Assert.InRange(delay, TimeSpan.FromMinutes(42), TimeSpan.FromMinutes(45));
            delays.Add(delay);
        }

        Assert.Equal(5, delays.Count);
    }

    [Fact]
    public void DelayBeforeNextRefresh_FailuresTheCoreDoesNotHold_TheCoresBackoff()
    {
        var keeper = new CredentialKeeper(new ScriptedCredentialSource(time), time);

        // The one backoff (Sessions/Backoff): equal jitter in [c/2, c], c = min(30 s, 1 s × 2^(n−1)).
        Assert.InRange(keeper.DelayBeforeNextRefresh(1), TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1));
        Assert.InRange(keeper.DelayBeforeNextRefresh(3), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));
        Assert.InRange(keeper.DelayBeforeNextRefresh(30), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task RefreshAsync_AfterAFailure_SharesItUntilTheCoresBackoffEnds_ThenCallsAgain()
    {
        var source = new ScriptedCredentialSource(time) { FailWith = new RolesAnywhereServiceException("down", System.Net.HttpStatusCode.ServiceUnavailable, null, null) };
        var keeper = new CredentialKeeper(source, time);
        Assert.Null(await keeper.RefreshAsync(TestContext.Current.CancellationToken));
        var wait = keeper.DelayBeforeNextRefresh(1);

        // Within the back-off every caller gets the same failure at once: no second CreateSession.
        for (var i = 0; i < 10; i++)
        {
            Assert.Null(await keeper.RefreshAsync(TestContext.Current.CancellationToken));
        }

        Assert.Equal(1, source.Calls);
        Assert.InRange(wait, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1));

        source.FailWith = null;
        time.Advance(wait);
        Assert.NotNull(await keeper.RefreshAsync(TestContext.Current.CancellationToken));
        Assert.Equal(2, source.Calls);
        Assert.Null(keeper.LastError);
    }

    [Fact]
    public async Task RunAsync_CallbackFailsOnce_RetriedAfterBackoff()
    {
        var source = new ScriptedCredentialSource(time);
        var keeper = new CredentialKeeper(source, time);
        var calls = 0;
        var written = new TaskCompletionSource();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var run = keeper.RunAsync(
            (_, _) =>
            {
                if (++calls == 1)
                {
                    throw new IOException("disk full");
                }

                written.TrySetResult();
                return Task.CompletedTask;
            },
            stop.Token);

        while (!written.Task.IsCompleted)
        {
            await time.AdvanceToNextTimerAsync(done: written.Task);
        }

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task RunAsync_RefreshRequestedWhileWaiting_RefreshesAndDeliversAtOnce()
    {
        var source = new ScriptedCredentialSource(time);
        var keeper = new CredentialKeeper(source, time);
        var delivered = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var first = new TaskCompletionSource();
        var second = new TaskCompletionSource();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var run = keeper.RunAsync(
            (credentials, _) =>
            {
                delivered.Enqueue(credentials.AccessKeyId);
                (delivered.Count == 1 ? first : second).TrySetResult();
                return Task.CompletedTask;
            },
            stop.Token);
        await first.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        // The clock does not move: without the request, the next refresh is 45 minutes away.
        keeper.RequestRefresh();
        await second.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(2, source.Calls);
        Assert.Equal(2, delivered.Distinct().Count());
    }
}
