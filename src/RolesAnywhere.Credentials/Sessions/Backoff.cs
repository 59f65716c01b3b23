namespace RolesAnywhere.Credentials.Sessions;

/// <summary>
/// The one backoff formula of the library and the tool: capped exponential growth with "equal jitter" (half
/// fixed, half random), so a fleet started together spreads out and no wait is zero. The wait before the
/// <c>n</c>-th retry lies in [c/2, c] where c = min(<see cref="Max"/>, <see cref="First"/> × 2^(n−1)).
/// </summary>
internal sealed class Backoff
{
    private readonly Func<double> _random;

    public Backoff(TimeSpan first, TimeSpan max, Func<double>? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(first, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, first);
        First = first;
        Max = max;
        _random = random ?? Random.Shared.NextDouble;
    }

    /// <summary>Gets the upper bound of the first wait.</summary>
    public TimeSpan First { get; }

    /// <summary>Gets the upper bound of every wait.</summary>
    public TimeSpan Max { get; }

    /// <summary>Returns the wait before retry number <paramref name="retry"/> (1 for the first retry).</summary>
    public TimeSpan Delay(int retry)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var ceiling = Math.Min(First.Ticks * Math.Pow(2, Math.Min(retry - 1, 30)), Max.Ticks);
        return TimeSpan.FromTicks((long)((ceiling / 2) + (_random() * ceiling / 2)));
    }
}
