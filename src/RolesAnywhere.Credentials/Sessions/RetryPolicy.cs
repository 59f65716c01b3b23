namespace RolesAnywhere.Credentials.Sessions;

/// <summary>
/// Bounded retries of one CreateSession call, waiting by the library's one <see cref="Backoff"/> formula
/// (from <see cref="BaseDelay"/>, or <see cref="ThrottledBaseDelay"/> after throttling). <c>Retry-After</c> wins when longer.
/// </summary>
internal sealed class RetryPolicy
{
    /// <summary>The first backoff's upper bound after a server fault or network failure.</summary>
    public static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>The first backoff's upper bound after throttling: the quota is per second, so wait at least that long.</summary>
    public static readonly TimeSpan ThrottledBaseDelay = TimeSpan.FromSeconds(1);

    /// <summary>No single backoff is longer than this (unless the service asked for it with <c>Retry-After</c>).</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(20);

    private readonly Backoff _afterFailure;
    private readonly Backoff _afterThrottling;

    public RetryPolicy(int maxRetries, Func<double>? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxRetries);
        MaxAttempts = maxRetries + 1;
        _afterFailure = new Backoff(BaseDelay, MaxDelay, random);
        _afterThrottling = new Backoff(ThrottledBaseDelay, MaxDelay, random);
    }

    /// <summary>Gets the number of attempts, the first included.</summary>
    public int MaxAttempts { get; }

    /// <summary>Returns the wait before retry number <paramref name="retry"/> (1 for the first retry).</summary>
    public TimeSpan DelayBefore(int retry, bool throttled, TimeSpan? retryAfter)
    {
        var jittered = (throttled ? _afterThrottling : _afterFailure).Delay(retry);
        return retryAfter is { } asked && asked > jittered ? asked : jittered;
    }
}
