using System.Security.Cryptography;

namespace RolesAnywhere.Credentials.Tool.Credentials;

/// <summary>
/// Keeps one set of credentials fresh for <c>serve</c> and <c>update</c>: refreshes ahead of expiry in
/// the background, one CreateSession at a time (single flight), retries failures with capped
/// exponential backoff and jitter, and keeps the last good credentials while they are still valid.
/// It never hands out empty or expired credentials: <see cref="Current"/> is then <see langword="null"/>.
/// </summary>
internal sealed class CredentialKeeper
{
    /// <summary>Credentials with less than this left are not handed out (SDKs subtract a similar buffer).</summary>
    public static readonly TimeSpan UsableMargin = TimeSpan.FromMinutes(1);

    /// <summary>Refresh this long before expiry (at most half the lifetime), ahead of the SDKs' own 15-minute refresh window.</summary>
    public static readonly TimeSpan RefreshLead = TimeSpan.FromMinutes(15);

    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);

    private readonly ICredentialSource source;
    private readonly TimeProvider time;
    private readonly Action<string>? log;
    private readonly Lock gate = new();
    private SessionCredentials? latest;
    private Task<SessionCredentials?>? inflight;

    public CredentialKeeper(ICredentialSource source, TimeProvider time, Action<string>? log = null)
    {
        this.source = source;
        this.time = time;
        this.log = log;
    }

    /// <summary>The last good credentials if they are still usable; otherwise <see langword="null"/>.</summary>
    public SessionCredentials? Current
    {
        get
        {
            var credentials = Volatile.Read(ref latest);
            return credentials is not null && credentials.IsUsable(time.GetUtcNow(), UsableMargin) ? credentials : null;
        }
    }

    /// <summary>The error of the last failed refresh, or <see langword="null"/> after a success.</summary>
    public Exception? LastError { get; private set; }

    /// <summary>Usable credentials: the current ones, or the result of a (shared) refresh; <see langword="null"/> when none can be had.</summary>
    public async Task<SessionCredentials?> GetAsync(CancellationToken cancellationToken) =>
        Current ?? await RefreshAsync(cancellationToken).ConfigureAwait(false) ?? Current;

    /// <summary>Starts a refresh, or joins the one already running. Failures are recorded, not thrown.</summary>
    public Task<SessionCredentials?> RefreshAsync(CancellationToken cancellationToken)
    {
        Task<SessionCredentials?> task;
        lock (gate)
        {
            if (inflight is null || inflight.IsCompleted)
            {
                inflight = RefreshCoreAsync();
            }

            task = inflight;
        }

        return task.WaitAsync(cancellationToken);
    }

    /// <summary>How long to wait before the next refresh, given how many refreshes in a row have failed.</summary>
    public TimeSpan DelayBeforeNextRefresh(int consecutiveFailures)
    {
        var now = time.GetUtcNow();
        var credentials = Volatile.Read(ref latest);
        if (consecutiveFailures > 0)
        {
            var backoff = TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Min(consecutiveFailures - 1, 10))));
            var jitter = TimeSpan.FromMilliseconds(RandomNumberGenerator.GetInt32(0, 250));
            return backoff + jitter;
        }

        if (credentials is null)
        {
            return TimeSpan.Zero;
        }

        var lifetime = credentials.Expiration - credentials.Obtained;
        var lead = lifetime / 2 < RefreshLead ? lifetime / 2 : RefreshLead;
        var due = credentials.Expiration - lead - now;
        return due > TimeSpan.Zero ? due : TimeSpan.Zero;
    }

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
                LastError = e;
                log?.Invoke($"could not store the new credentials (attempt {failures}): {e.Message}");
                await DelayAsync(DelayBeforeNextRefresh(failures), cancellationToken).ConfigureAwait(false);
                pending = delivering.IsUsable(time.GetUtcNow(), UsableMargin) ? delivering : null;
            }
        }
    }

    private Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay > TimeSpan.Zero ? Task.Delay(delay, time, cancellationToken) : Task.CompletedTask;

    private async Task<SessionCredentials?> RefreshCoreAsync()
    {
        await Task.Yield();
        try
        {
            var fresh = await source.FetchAsync(CancellationToken.None).ConfigureAwait(false);
            if (!fresh.IsUsable(time.GetUtcNow(), UsableMargin))
            {
                throw new RolesAnywhereServiceException("CreateSession returned empty or already expired credentials.", null, null, null);
            }

            Volatile.Write(ref latest, fresh);
            LastError = null;
            log?.Invoke($"obtained credentials {fresh}");
            return fresh;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LastError = e;
            log?.Invoke($"refresh failed, keeping the last good credentials if still valid: {e.Message}");
            return null;
        }
    }
}
