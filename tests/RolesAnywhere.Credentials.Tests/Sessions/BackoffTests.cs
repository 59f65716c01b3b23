using RolesAnywhere.Credentials.Refresh;
using RolesAnywhere.Credentials.Sessions;

namespace RolesAnywhere.Credentials.Tests.Sessions;

public sealed class BackoffTests
{
    [Fact]
    public void Delay_DoublesFromFirstWithinEqualJitter_UpToMax()
    {
        var low = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), () => 0.0);
        var high = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), () => 0.999999);

        for (var retry = 1; retry <= 8; retry++)
        {
            var ceiling = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, retry - 1)));
            Assert.Equal(ceiling / 2, low.Delay(retry));
            Assert.InRange(high.Delay(retry), ceiling * 0.99, ceiling);
        }

        Assert.Equal(TimeSpan.FromSeconds(30), new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), () => 1.0).Delay(1000));
    }

    [Fact]
    public void Delay_AfterFailedRefreshes_StartsAroundOneSecondAndNeverExceedsThirty()
    {
        var refresher = new SessionRefresher(new NoSource(), TimeProvider.System);

        Assert.InRange(refresher.AfterFailure.Delay(1), TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1));
        Assert.InRange(refresher.AfterFailure.Delay(50), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Delay_RealRandom_SpreadsAFleet()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

        var distinct = Enumerable.Range(0, 50).Select(_ => backoff.Delay(3)).Distinct().Count();

        Assert.True(distinct > 40);
    }

    private sealed class NoSource : ISessionSource
    {
        public ValueTask<SessionCredentials> CreateSessionAsync(bool async, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
