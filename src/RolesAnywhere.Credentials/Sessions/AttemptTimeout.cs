namespace RolesAnywhere.Credentials.Sessions;

/// <summary>
/// A token for one attempt: fires <see cref="SessionSettings.HttpTimeout"/> after <see cref="Start"/> (on the given
/// clock), or with its parent. The attempt starts the clock when its request is being written to a connection, so
/// the timeout measures the request and its answer, not the wait for a connection or for a thread to run on.
/// </summary>
internal sealed class AttemptTimeout : IDisposable
{
    private readonly CancellationTokenSource _timeout = new();
    private readonly CancellationTokenSource _linked;
    private readonly TimeSpan _after;
    private readonly TimeProvider _time;
    private ITimer? _timer;

    public AttemptTimeout(TimeSpan timeout, TimeProvider timeProvider, CancellationToken parent)
    {
        _after = timeout;
        _time = timeProvider;
        _linked = CancellationTokenSource.CreateLinkedTokenSource(_timeout.Token, parent);
    }

    public CancellationToken Token => _linked.Token;

    /// <summary>Gets a value indicating whether the per-attempt timeout itself fired.</summary>
    public bool HasFired => _timeout.IsCancellationRequested;

    /// <summary>Starts the clock (once; later calls do nothing).</summary>
    public void Start()
    {
        if (_after == Timeout.InfiniteTimeSpan || Volatile.Read(ref _timer) is not null)
        {
            return;
        }

        var timer = _time.CreateTimer(static state => ((CancellationTokenSource)state!).Cancel(), _timeout, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        if (Interlocked.CompareExchange(ref _timer, timer, null) is null)
        {
            timer.Change(_after, Timeout.InfiniteTimeSpan);
        }
        else
        {
            timer.Dispose();
        }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _linked.Dispose();
        _timeout.Dispose();
    }
}
