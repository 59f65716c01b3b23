using System.Collections.Concurrent;
using System.Diagnostics;
using RolesAnywhere.Credentials.Testing;

namespace RolesAnywhere.Credentials.Tests.Credentials;

/// <summary>
/// 64 callers (half synchronous, half asynchronous) through an outage that outlasts the credentials, in real time
/// on loopback: the last good credentials are served while valid; once they have expired every caller is answered
/// within about RefreshTimeout, and at most one CreateSession is in flight at any time. Bounded: a few seconds of
/// calls, then the outage ends and the credentials recover.
/// </summary>
[Collection(nameof(ThreadPoolSensitive))]
public sealed class OutageSoakTests(ITestOutputHelper output)
{
    private const int Callers = 64;
    private static readonly TimeSpan HttpTimeout = TimeSpan.FromMilliseconds(400);
    private static readonly TimeSpan RefreshTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan CallingFor = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(1);

    [Theory]
    [InlineData("503")]
    [InlineData("hang")]
    public async Task GetCredentials_OutageOutlastsCredentials_EveryCallerAnsweredWithinRefreshTimeout(string outage)
    {
        var clock = new JumpingClock();
        await using var world = await EmulatorWorld.StartAsync(clock);
        var observer = new InFlightObserver();
        var options = world.IssueOptions();
        options.SessionDuration = TimeSpan.FromMinutes(15);
        options.HttpTimeout = HttpTimeout;
        options.RefreshTimeout = RefreshTimeout;
        options.MaxRetries = 3;
        using var credentials = world.Credentials(options, observer);
        var first = await credentials.GetCredentialsAsync();

        world.Emulator.EnqueueFault(outage == "503" ? EmulatorFault.ServiceUnavailable() : EmulatorFault.Hold(TimeSpan.FromSeconds(30)), 100_000);

        // While the last good credentials are valid (in the refresh window), every call gets them at once.
        clock.Jump(TimeSpan.FromMinutes(12));
        Assert.Equal(first.AccessKey, credentials.GetCredentials().AccessKey);
        Assert.Equal(first.AccessKey, (await credentials.GetCredentialsAsync()).AccessKey);

        // Then the outage outlasts them.
        clock.Jump(TimeSpan.FromMinutes(4));
        var requestsBefore = world.SessionRequests.Count;
        var waits = new ConcurrentBag<(TimeSpan Wait, bool Failed)>();
        var deadline = Stopwatch.StartNew();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var callers = Enumerable.Range(0, Callers).Select(i => i % 2 == 0
            ? Task.Factory.StartNew(() => CallSync(credentials, start.Task, deadline, waits), TestContext.Current.CancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)
            : CallAsync(credentials, start.Task, deadline, waits)).ToArray();
        start.SetResult();
        var all = Task.WhenAll(callers);
        var finished = await Task.WhenAny(all, Task.Delay(CallingFor + RefreshTimeout + Slack + TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        var requests = world.SessionRequests.Count - requestsBefore;

        var sorted = waits.Select(w => w.Wait).Order().ToArray();
        output.WriteLine($"{outage}: {waits.Count} calls ({waits.Count(w => w.Failed)} failed), wait p50 {Percentile(sorted, 0.5).TotalMilliseconds:0} ms, p99 {Percentile(sorted, 0.99).TotalMilliseconds:0} ms, max {(sorted.Length == 0 ? 0 : sorted[^1].TotalMilliseconds):0} ms; {requests} CreateSession requests; {observer.MaxInFlight} in flight at most; all callers done: {finished == all}");
        Assert.Same(all, finished);
        Assert.All(waits, w => Assert.True(w.Failed, "expired credentials must never be returned"));
        Assert.True(sorted[^1] <= RefreshTimeout + Slack, $"longest wait {sorted[^1]}");
        Assert.Equal(1, observer.MaxInFlight);

        // The service recovers: the next refresh after the failure back-off brings new credentials.
        world.Emulator.ClearFaults();
        clock.Jump(TimeSpan.FromMinutes(2));
        var fresh = await credentials.GetCredentialsAsync();
        Assert.NotEqual(first.AccessKey, fresh.AccessKey);
    }

    private static void CallSync(RolesAnywhereAWSCredentials credentials, Task start, Stopwatch deadline, ConcurrentBag<(TimeSpan, bool)> waits)
    {
        start.Wait();
        while (deadline.Elapsed < CallingFor)
        {
            var started = Stopwatch.GetTimestamp();
            var failed = false;
            try
            {
                credentials.GetCredentials();
            }
            catch (RolesAnywhereException)
            {
                failed = true;
            }

            waits.Add((Stopwatch.GetElapsedTime(started), failed));
        }
    }

    private static async Task CallAsync(RolesAnywhereAWSCredentials credentials, Task start, Stopwatch deadline, ConcurrentBag<(TimeSpan, bool)> waits)
    {
        await start;
        while (deadline.Elapsed < CallingFor)
        {
            var started = Stopwatch.GetTimestamp();
            var failed = false;
            try
            {
                await credentials.GetCredentialsAsync();
            }
            catch (RolesAnywhereException)
            {
                failed = true;
            }

            waits.Add((Stopwatch.GetElapsedTime(started), failed));
        }
    }

    private static TimeSpan Percentile(TimeSpan[] sorted, double p) =>
        sorted.Length == 0 ? TimeSpan.Zero : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
