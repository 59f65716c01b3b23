namespace RolesAnywhere.Credentials.Sessions;

/// <summary>A token for one attempt: fires after the per-attempt timeout (on the given clock) or with its parent.</summary>
internal sealed class AttemptTimeout : IDisposable
{
    private readonly CancellationTokenSource _timeout;
    private readonly CancellationTokenSource _linked;

    public AttemptTimeout(TimeSpan timeout, TimeProvider timeProvider, CancellationToken parent)
    {
        _timeout = new CancellationTokenSource(timeout, timeProvider);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(_timeout.Token, parent);
    }

    public CancellationToken Token => _linked.Token;

    /// <summary>Gets a value indicating whether the per-attempt timeout itself fired.</summary>
    public bool HasFired => _timeout.IsCancellationRequested;

    public void Dispose()
    {
        _linked.Dispose();
        _timeout.Dispose();
    }
}
