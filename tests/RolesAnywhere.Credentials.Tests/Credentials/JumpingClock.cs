namespace RolesAnywhere.Credentials.Tests.Credentials;

/// <summary>
/// The system clock, moved forward on demand: timers, timeouts and elapsed times run in real time (so HTTP
/// timeouts and waits are real), while <see cref="Jump"/> skips a credential lifetime without waiting for it.
/// </summary>
internal sealed class JumpingClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Jump(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
