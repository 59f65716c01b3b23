namespace RolesAnywhere.Credentials.Refresh;

/// <summary>
/// The system time at a field read's cost, for the AWS SDK's expiry checks, which read the clock three
/// times on every <c>GetCredentials()</c> (and reading the system clock costs ~180 ns on some virtual
/// machines). A timer samples the time every <see cref="PeriodMilliseconds"/> ms while someone reads it and
/// stops after <see cref="IdlePeriods"/> periods without readers; the first read after a pause samples
/// the clock itself. Values lag by at most about one period, far inside the SDK's one-minute buffer.
/// </summary>
internal static class CoarseSystemClock
{
    public const int PeriodMilliseconds = 100;
    public const int IdlePeriods = 50;

    private static readonly object Gate = new();
    private static Timer? s_timer;
    private static long s_utcTicks;
    private static int s_running;
    private static int s_idle;

    public static DateTime UtcNow
    {
        get
        {
            if (Volatile.Read(ref s_running) == 0)
            {
                return Start();
            }

            if (Volatile.Read(ref s_idle) != 0)
            {
                Volatile.Write(ref s_idle, 0);
            }

            return new DateTime(Volatile.Read(ref s_utcTicks), DateTimeKind.Utc);
        }
    }

    /// <summary>Gets a value indicating whether the sampling timer runs (for tests).</summary>
    internal static bool IsRunning => Volatile.Read(ref s_running) != 0;

    private static DateTime Start()
    {
        lock (Gate)
        {
            var now = TimeProvider.System.GetUtcNow().UtcDateTime;
            Volatile.Write(ref s_utcTicks, now.Ticks);
            Volatile.Write(ref s_idle, 0);
            if (Volatile.Read(ref s_running) == 0)
            {
                s_timer ??= new Timer(static _ => Tick(), null, Timeout.Infinite, Timeout.Infinite);
                s_timer.Change(PeriodMilliseconds, PeriodMilliseconds);
                Volatile.Write(ref s_running, 1);
            }

            return now;
        }
    }

    private static void Tick()
    {
        Volatile.Write(ref s_utcTicks, TimeProvider.System.GetUtcNow().UtcTicks);
        if (Interlocked.Increment(ref s_idle) <= IdlePeriods)
        {
            return;
        }

        lock (Gate)
        {
            if (Volatile.Read(ref s_idle) > IdlePeriods)
            {
                s_timer?.Change(Timeout.Infinite, Timeout.Infinite);
                Volatile.Write(ref s_running, 0);
            }
        }
    }
}
