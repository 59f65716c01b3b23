namespace RolesAnywhere.Credentials.Sessions;

/// <summary>
/// Bounded retries with exponential backoff and jitter ("equal jitter": half fixed, half random, so a
/// fleet started together spreads out and no retry is immediate). <c>Retry-After</c> wins when longer.
/// </summary>
internal sealed class RetryPolicy
{
    /// <summary>The first backoff's upper bound after a server fault or network failure.</summary>
    public static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>The first backoff's upper bound after throttling: the quota is per second, so wait at least that long.</summary>
    public static readonly TimeSpan ThrottledBaseDelay = TimeSpan.FromSeconds(1);

    /// <summary>No single backoff is longer than this (unless the service asked for it with <c>Retry-After</c>).</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(20);

    private readonly Func<double> _random;

    public RetryPolicy(int maxRetries, Func<double>? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxRetries);
        MaxAttempts = maxRetries + 1;
        _random = random ?? Random.Shared.NextDouble;
    }

    /// <summary>Gets the number of attempts, the first included.</summary>
    public int MaxAttempts { get; }

    /// <summary>Returns the wait before retry number <paramref name="retry"/> (1 for the first retry).</summary>
    public TimeSpan DelayBefore(int retry, bool throttled, TimeSpan? retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var baseDelay = throttled ? ThrottledBaseDelay : BaseDelay;
        var ceiling = baseDelay.Ticks * Math.Pow(2, Math.Min(retry - 1, 16));
        ceiling = Math.Min(ceiling, MaxDelay.Ticks);
        var jittered = TimeSpan.FromTicks((long)((ceiling / 2) + (_random() * ceiling / 2)));
        return retryAfter is { } asked && asked > jittered ? asked : jittered;
    }
}
