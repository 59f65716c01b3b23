using RolesAnywhere.Credentials.Refresh;
using RolesAnywhere.Credentials.Sessions;

namespace RolesAnywhere.Credentials.Tool.Credentials;

/// <summary>
/// Keeps one set of credentials fresh for <c>serve</c> and <c>update</c> on the library's refresh core
/// (<see cref="SessionRefresher"/>: one CreateSession at a time, callers share its outcome, last good credentials
/// kept while usable, one back-off after failures). This type only adds the schedule of a long-running process:
/// refresh ahead of expiry, retry after failures, and hand each new set to a callback (retried when it cannot store
/// it). It never hands out empty or expired credentials: <see cref="Current"/> is then <see langword="null"/>.
/// </summary>
internal sealed class CredentialKeeper
{
    private readonly SessionRefresher refresher;
    private readonly RefreshSchedule schedule;
    private readonly TimeProvider time;
    private readonly Action<string>? log;
    private TaskCompletionSource wake = NewWake();
    private Exception? lastError;

    public CredentialKeeper(ISessionSource source, TimeProvider time, Action<string>? log = null, RefreshSchedule? schedule = null)
    {
        refresher = new SessionRefresher(source, time);
        this.schedule = schedule ?? RefreshSchedule.ForCredentialServers();
        this.time = time;
        this.log = log;
    }

    /// <summary>The last good credentials if they are still usable; otherwise <see langword="null"/>.</summary>
    public SessionCredentials? Current => refresher.Current;

    /// <summary>The error of the last failed refresh or delivery, or <see langword="null"/> after a success.</summary>
    public Exception? LastError => Volatile.Read(ref lastError);

    /// <summary>Usable credentials: the current ones, or the result of a (shared) refresh; <see langword="null"/> when none can be had.</summary>
    public async Task<SessionCredentials?> GetAsync(CancellationToken cancellationToken) =>
        Current ?? await RefreshAsync(cancellationToken).ConfigureAwait(false) ?? Current;

    /// <summary>
    /// Refreshes through the refresh core (joining the refresh in flight, or getting the last failure at once while its
    /// back-off lasts). Failures are recorded in <see cref="LastError"/>, not thrown.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public async Task<SessionCredentials?> RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            var fresh = await refresher.RefreshAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref lastError, null);
            log?.Invoke($"obtained credentials {fresh}");
            return fresh;
        }
        catch (Exception e) when (e is not OutOfMemoryException && !(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            Volatile.Write(ref lastError, e);
            log?.Invoke($"refresh failed, keeping the last good credentials if still valid: {e.Message}");
            return null;
        }
    }

    /// <summary>
    /// How long to wait before the next refresh: after <paramref name="consecutiveFailures"/> failures in a row, until
    /// the refresh core's back-off has passed (its <see cref="SessionRefresher.AfterFailure"/> for failures it does not
    /// hold, such as a callback's); otherwise until the library's refresh schedule for credential servers says
    /// (<see cref="RefreshSchedule.ForCredentialServers"/>: 15 minutes, at most half the lifetime, up to 20 % earlier at random).
    /// </summary>
    public TimeSpan DelayBeforeNextRefresh(int consecutiveFailures)
    {
        var now = time.GetUtcNow();
        if (consecutiveFailures > 0)
        {
            // Rounded up to whole milliseconds: timers round down, and a wake-up just before the back-off ends would get
            // the same failure again from the core, without a new CreateSession, and count as another failed attempt.
            var wait = refresher.RetryAt is { } retryAt && retryAt > now ? retryAt - now : refresher.AfterFailure.Delay(consecutiveFailures);
            return TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds));
        }

        if (Current is not { } credentials)
        {
            return TimeSpan.Zero;
        }

        return schedule.DueIn(credentials.Obtained, credentials.Expiration, now);
    }

    /// <summary>
    /// Ends <see cref="RunAsync"/>'s current wait: it refreshes at once (after the refresh core's back-off, if a refresh
    /// just failed). Called when a renewal installed a new certificate, so that the session handed out is signed with it.
    /// </summary>
    public void RequestRefresh() => Volatile.Read(ref wake).TrySetResult();

    /// <summary>
    /// Refreshes until cancelled, handing each new set (and first the one already held, if any) to
    /// <paramref name="onRefreshed"/>; a callback that fails with an I/O error is retried with backoff.
    /// </summary>
    public async Task RunAsync(Func<SessionCredentials, CancellationToken, Task>? onRefreshed, CancellationToken cancellationToken)
    {
        var failures = 0;
        var pending = Current;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (pending is null)
            {
                await DelayAsync(DelayBeforeNextRefresh(failures), cancellationToken).ConfigureAwait(false);
                pending = await RefreshAsync(cancellationToken).ConfigureAwait(false);
                failures = pending is null ? failures + 1 : 0;
                continue;
            }

            var delivering = pending;
            try
            {
                if (onRefreshed is not null)
                {
                    await onRefreshed(delivering, cancellationToken).ConfigureAwait(false);
                }

                pending = null;
                failures = 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or TimeoutException)
            {
                failures++;
                Volatile.Write(ref lastError, e);
                log?.Invoke($"could not store the new credentials (attempt {failures}): {e.Message}");
                await DelayAsync(refresher.AfterFailure.Delay(failures), cancellationToken).ConfigureAwait(false);
                pending = SessionRefresher.IsUsable(delivering, time.GetUtcNow()) ? delivering : null;
            }
        }
    }

    /// <summary>Waits <paramref name="delay"/>, or less when <see cref="RequestRefresh"/> is called meanwhile (or was since the last wait).</summary>
    private async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        var woken = Volatile.Read(ref wake);
        if (delay > TimeSpan.Zero && !woken.Task.IsCompleted)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await Task.WhenAny(woken.Task, Task.Delay(delay, time, stop.Token)).ConfigureAwait(false);
            await stop.CancelAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }

        // A request answered by the refresh that follows this wait: consumed (one made later stays for the next wait).
        if (woken.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref wake, NewWake(), woken);
        }
    }

    private static TaskCompletionSource NewWake() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
