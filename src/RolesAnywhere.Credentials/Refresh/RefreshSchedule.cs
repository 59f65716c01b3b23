namespace RolesAnywhere.Credentials.Refresh;

/// <summary>
/// When to refresh: a pre-emptive window of about a quarter of the usable lifetime (at most 15 minutes)
/// with ±20 % random jitter, so a fleet started together spreads its CreateSession calls (the quota is
/// about 10 per second per account and region). How long to wait after a failed refresh is
/// <see cref="SessionRefresher.AfterFailure"/>'s business.
/// </summary>
internal sealed class RefreshSchedule
{
    public const double PreemptFraction = 0.25;
    public const double Jitter = 0.2;

    public static readonly TimeSpan MaxPreempt = TimeSpan.FromMinutes(15);

    private readonly Func<double> _random;

    public RefreshSchedule(Func<double>? random = null) => _random = random ?? Random.Shared.NextDouble;

    /// <summary>
    /// Returns the pre-emptive refresh window for credentials usable for <paramref name="usableLifetime"/>:
    /// always shorter than that lifetime (at most 30 % of it), so the base class never refreshes on every call.
    /// </summary>
    public TimeSpan PreemptFor(TimeSpan usableLifetime)
    {
        if (usableLifetime <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var window = Math.Min(usableLifetime.Ticks * PreemptFraction, MaxPreempt.Ticks);
        return TimeSpan.FromTicks((long)(window * (1 - Jitter + (2 * Jitter * _random()))));
    }
}
