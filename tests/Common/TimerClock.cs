using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace RolesAnywhere.Credentials.TestSupport;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that knows when the code under test starts waiting on it (every
/// <c>Task.Delay(…, timeProvider)</c> and timer goes through <see cref="CreateTimer"/>), so a test moves time exactly
/// when and as far as that wait needs, instead of nudging the clock on a real-time schedule and hoping the code kept up.
/// </summary>
internal sealed class TimerClock : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _started = Channel.CreateUnbounded<TimeSpan>();

    public TimerClock(DateTimeOffset? start = null)
        : base(start ?? DateTimeOffset.UtcNow)
    {
    }

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _started.Writer.TryWrite(dueTime);
        }

        return timer;
    }

    /// <summary>
    /// Waits until the code under test waits on this clock, then moves time to the end of that wait and returns how far
    /// it moved; returns <see cref="TimeSpan.Zero"/> without moving when <paramref name="done"/> completes first.
    /// </summary>
    public async Task<TimeSpan> AdvanceToNextTimerAsync(Task? done = null)
    {
        var next = _started.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask();
        if (done is not null && await Task.WhenAny(next, done) == done)
        {
            return TimeSpan.Zero;
        }

        var due = await next;
        Advance(due);
        return due;
    }
}
