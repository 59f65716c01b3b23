using RolesAnywhere.Credentials.Refresh;
using RolesAnywhere.Credentials.Sessions;

namespace RolesAnywhere.Credentials.Tests.Sessions;

public sealed class RefreshScheduleTests
{
    [Theory]
    [InlineData(14 * 60)]
    [InlineData(59 * 60)]
    [InlineData(12 * 3600)]
    [InlineData(60)]
    [InlineData(1)]
    public void PreemptFor_AnyLifetime_StaysWellShorterThanIt(int seconds)
    {
        var lifetime = TimeSpan.FromSeconds(seconds);
        foreach (var random in new[] { 0.0, 0.5, 0.999999 })
        {
            var preempt = new RefreshSchedule(() => random).PreemptFor(lifetime);

            Assert.True(preempt > TimeSpan.Zero);
            Assert.True(preempt <= lifetime * 0.3, $"{preempt} for {lifetime}");
            Assert.True(preempt <= RefreshSchedule.MaxPreempt * (1 + RefreshSchedule.Jitter));
        }
    }

    [Fact]
    public void PreemptFor_OneHour_IsAboutFifteenMinutesWithJitter()
    {
        Assert.Equal(TimeSpan.FromMinutes(12), new RefreshSchedule(() => 0.0).PreemptFor(TimeSpan.FromMinutes(60)));
        Assert.Equal(TimeSpan.FromMinutes(15), new RefreshSchedule(() => 0.5).PreemptFor(TimeSpan.FromMinutes(60)));
    }

    [Fact]
    public void PreemptFor_RealRandom_SpreadsAFleet()
    {
        var schedule = new RefreshSchedule();

        var distinct = Enumerable.Range(0, 50).Select(_ => schedule.PreemptFor(TimeSpan.FromHours(1))).Distinct().Count();

        Assert.True(distinct > 40);
    }

    [Fact]
    public void PreemptFor_NoLifetime_IsZero() => Assert.Equal(TimeSpan.Zero, new RefreshSchedule().PreemptFor(TimeSpan.Zero));
}
