using RolesAnywhere.Credentials.Refresh;
using RolesAnywhere.Credentials.Sessions;

namespace RolesAnywhere.Credentials.Tests.Sessions;

public sealed class CoarseSystemClockTests
{
    [Fact]
    public void UtcNow_IsUtcAndCloseToTheSystemClock()
    {
        var before = TimeProvider.System.GetUtcNow().UtcDateTime;
        var coarse = CoarseSystemClock.UtcNow;
        var after = TimeProvider.System.GetUtcNow().UtcDateTime;

        Assert.Equal(DateTimeKind.Utc, coarse.Kind);
        Assert.True(CoarseSystemClock.IsRunning);

        // At most a few sampling periods behind (more on a starved machine), never ahead.
        Assert.InRange(coarse, before.AddSeconds(-5), after);
    }

    [Fact]
    public void AwsSdkClock_FakeClock_IsReadExactly()
    {
        var fake = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var clock = new AwsSdkClock(fake);

        Assert.Equal(new DateTime(2030, 1, 2, 3, 4, 5, DateTimeKind.Utc), clock.CorrectedUtcNow);
        fake.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(new DateTime(2030, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1), clock.CorrectedUtcNow);
    }
}
