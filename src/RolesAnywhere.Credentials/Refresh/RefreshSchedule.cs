namespace RolesAnywhere.Credentials.Refresh;

/// <summary>
/// When to refresh, for the library and the tool alike (one rule): a pre-emptive window of about a quarter of
/// the usable lifetime (at most 15 minutes) with ±20 % random jitter, so a fleet started together spreads its
/// CreateSession calls (the quota is about 10 per second per account and region). A credential server
/// (<c>serve</c>, <c>update</c>) hands credentials to SDKs that refresh 15 minutes ahead themselves, so its
/// window is <see cref="ForCredentialServers"/>: half the lifetime, at most 15 minutes, jittered only earlier
/// (up to +20 %), never later. How long to wait after a failed refresh is <see cref="SessionRefresher.AfterFailure"/>'s business.
/// </summary>
internal sealed class RefreshSchedule
{
    public const double PreemptFraction = 0.25;
    public const double Jitter = 0.2;

    public static readonly TimeSpan MaxPreempt = TimeSpan.FromMinutes(15);

    private readonly Func<double> _random;
    private readonly double _fraction;
    private readonly double _lowestFactor;

    public RefreshSchedule(Func<double>? random = null)
        : this(random, PreemptFraction, 1 - Jitter)
    {
    }

    private RefreshSchedule(Func<double>? random, double fraction, double lowestFactor)
    {
        _random = random ?? Random.Shared.NextDouble;
        _fraction = fraction;
        _lowestFactor = lowestFactor;
    }

    /// <summary>The schedule of a credential server: half the lifetime (at most 15 minutes) before expiry, plus up to 20 % earlier.</summary>
    public static RefreshSchedule ForCredentialServers(Func<double>? random = null) => new(random, 0.5, 1);

    /// <summary>How long from <paramref name="now"/> until credentials obtained at <paramref name="obtained"/> and expiring at <paramref name="expiration"/> are due for refresh (never negative).</summary>
    public TimeSpan DueIn(DateTimeOffset obtained, DateTimeOffset expiration, DateTimeOffset now)
    {
        var due = expiration - PreemptFor(expiration - obtained) - now;
        return due > TimeSpan.Zero ? due : TimeSpan.Zero;
    }

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

        var window = Math.Min(usableLifetime.Ticks * _fraction, MaxPreempt.Ticks);
        var spread = 1 + Jitter - _lowestFactor;
        return TimeSpan.FromTicks((long)(window * (_lowestFactor + (spread * _random()))));
    }
}
