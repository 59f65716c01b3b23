using System.Diagnostics;
using System.Runtime.ExceptionServices;
using RolesAnywhere.Credentials.Sessions;

namespace RolesAnywhere.Credentials.Refresh;

/// <summary>
/// The one refresh core of the library and the tool: keeps the last good credentials, runs at most one
/// CreateSession at a time (callers that arrive meanwhile share its outcome), and after a failure answers every
/// caller with that same failure, at once, until a back-off has passed (<see cref="AfterFailure"/>, growing with
/// each failure in a row). A caller therefore waits at most for the refresh already in flight, which its source
/// bounds by <c>RefreshTimeout</c>, however many callers there are. Expired credentials are never handed out.
/// </summary>
internal sealed class SessionRefresher
{
    /// <summary>The first back-off after a failed refresh (upper bound; see <see cref="Backoff"/>).</summary>
    public static readonly TimeSpan FirstFailureDelay = TimeSpan.FromSeconds(1);

    /// <summary>The longest back-off after failed refreshes in a row.</summary>
    public static readonly TimeSpan MaxFailureDelay = TimeSpan.FromSeconds(30);

    /// <summary>The name of the thread an asynchronous caller's refresh runs on.</summary>
    public const string ThreadName = "RolesAnywhere refresh";

    /// <summary>The refresh thread's stack: signing and HTTP need little (0 = the runtime's default).</summary>
    private const int MaxStackSize = 256 * 1024;

    private readonly ISessionSource _source;
    private readonly TimeProvider _time;
    private readonly ICreateSessionObserver _observer;
    private readonly object _gate = new();
    private SessionCredentials? _lastGood;
    private TaskCompletionSource<SessionCredentials>? _flight;
    private Failure? _failure;

    public SessionRefresher(ISessionSource source, TimeProvider timeProvider, ICreateSessionObserver? observer = null, Func<double>? random = null)
    {
        _source = source;
        _time = timeProvider;
        _observer = observer ?? NullCreateSessionObserver.Instance;
        AfterFailure = new Backoff(FirstFailureDelay, MaxFailureDelay, random);
    }

    /// <summary>Gets the back-off after failed refreshes in a row.</summary>
    public Backoff AfterFailure { get; }

    /// <summary>Gets the last good credentials if they are still usable (more than <see cref="SessionCredentials.UsableMargin"/> left); otherwise <see langword="null"/>.</summary>
    public SessionCredentials? Current => Volatile.Read(ref _lastGood) is { } last && IsUsable(last, _time.GetUtcNow()) ? last : null;

    /// <summary>Gets the error of the last refresh if it failed; <see langword="null"/> after a success.</summary>
    public Exception? LastError => Volatile.Read(ref _failure)?.Error.SourceException;

    /// <summary>Gets when the next refresh may call the service after a failure, or <see langword="null"/> after a success.</summary>
    public DateTimeOffset? RetryAt => Volatile.Read(ref _failure)?.RetryAt;

    /// <summary>Gets the number of failed refreshes in a row.</summary>
    public int ConsecutiveFailures => Volatile.Read(ref _failure)?.Count ?? 0;

    /// <summary>Gets a value indicating whether a refresh is in flight.</summary>
    public bool IsRefreshing => Volatile.Read(ref _flight) is not null;

    public static bool IsUsable(SessionCredentials credentials, DateTimeOffset now) => credentials.Expiration - now > SessionCredentials.UsableMargin;

    /// <summary>
    /// Returns new credentials, synchronously: joins the refresh in flight, or rethrows the last failure while its
    /// back-off lasts, or refreshes on this thread (with synchronous HTTP: no thread-pool thread is needed).
    /// </summary>
    /// <exception cref="RolesAnywhereException">The refresh failed (the same exception for every caller that shared it).</exception>
    public SessionCredentials Refresh()
    {
        var pending = RefreshAsync(async: false, CancellationToken.None);
        Debug.Assert(pending.IsCompleted, "the synchronous path completes before it returns");
        return pending.GetAwaiter().GetResult();
    }

    /// <summary>
    /// As <see cref="Refresh"/>, asynchronously: the caller waits without blocking a thread, and a refresh it starts runs
    /// on a thread of its own (synchronous HTTP there), so that it needs no thread-pool thread to finish.
    /// </summary>
    /// <param name="cancellationToken">Stops this caller's wait; the shared refresh goes on (bounded by its own timeout).</param>
    /// <exception cref="RolesAnywhereException">The refresh failed (the same exception for every caller that shared it).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public Task<SessionCredentials> RefreshAsync(CancellationToken cancellationToken) => RefreshAsync(async: true, cancellationToken).AsTask();

    private async ValueTask<SessionCredentials> RefreshAsync(bool async, CancellationToken cancellationToken)
    {
        TaskCompletionSource<SessionCredentials>? flight;
        var lead = false;
        lock (_gate)
        {
            flight = _flight;
            if (flight is null)
            {
                if (_failure is { } failed && _time.GetUtcNow() < failed.RetryAt)
                {
                    failed.Error.Throw();
                }

                flight = _flight = new TaskCompletionSource<SessionCredentials>(TaskCreationOptions.RunContinuationsAsynchronously);
                lead = true;
            }
        }

        if (lead)
        {
            if (async)
            {
                // On a thread of its own, with synchronous HTTP: the refresh must progress even when the application
                // has exhausted the thread pool (for instance with synchronous callers blocked on pool threads at
                // start), where asynchronous I/O would wait for a free pool thread and time out. This caller awaits.
                new Thread(static state => ((SessionRefresher)state!).Run(), MaxStackSize) { IsBackground = true, Name = ThreadName }.Start(this);
            }
            else
            {
                Run();
            }
        }

        if (async)
        {
            return await flight.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        // Done when this caller led; otherwise waits for the outcome of the refresh in flight (no part of which runs here).
        return flight.Task.GetAwaiter().GetResult();
    }

    /// <summary>Runs the flight just started, synchronously on this thread.</summary>
    private void Run()
    {
        var flight = Volatile.Read(ref _flight)!;
        SessionCredentials fresh;
        try
        {
            // Not a caller's token: the refresh is shared, and bounded by the source's own timeout (RefreshTimeout).
            var pending = _source.CreateSessionAsync(async: false, CancellationToken.None);
            Debug.Assert(pending.IsCompleted, "the synchronous path completes before it returns");
            fresh = pending.GetAwaiter().GetResult();

            // The client refuses such answers already; any other source (the tool's tests, a future one) is held to it too.
            var now = _time.GetUtcNow();
            if (!IsUsable(fresh, now))
            {
                throw AttemptFailures.ExpiresTooSoon(fresh.Expiration, now, status: null, requestId: null);
            }
        }
        catch (Exception ex)
        {
            Failed(ex);
            flight.SetException(ex);
            return;
        }

        Succeeded(fresh);
        flight.SetResult(fresh);
    }

    private void Succeeded(SessionCredentials fresh)
    {
        lock (_gate)
        {
            if (_lastGood is null || fresh.Expiration >= _lastGood.Expiration)
            {
                Volatile.Write(ref _lastGood, fresh);
            }

            Volatile.Write(ref _failure, null);
            Volatile.Write(ref _flight, null);
        }

        _observer.RefreshSucceeded(fresh);
    }

    private void Failed(Exception error)
    {
        lock (_gate)
        {
            // Only the service's and the configuration's failures are shared for a while; anything else is a bug to surface.
            if (error is RolesAnywhereException)
            {
                var count = (_failure?.Count ?? 0) + 1;
                Volatile.Write(ref _failure, new Failure(ExceptionDispatchInfo.Capture(error), _time.GetUtcNow() + AfterFailure.Delay(count), count));
            }

            Volatile.Write(ref _flight, null);
        }

        _observer.RefreshFailed(error, servingLastGood: Current is not null);
    }

    private sealed record Failure(ExceptionDispatchInfo Error, DateTimeOffset RetryAt, int Count);
}
