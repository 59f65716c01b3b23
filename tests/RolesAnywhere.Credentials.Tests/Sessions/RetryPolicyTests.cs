using RolesAnywhere.Credentials.Sessions;

namespace RolesAnywhere.Credentials.Tests.Sessions;

public sealed class RetryPolicyTests
{
    [Fact]
    public void DelayBefore_GrowsExponentiallyWithinJitterBounds()
    {
        var low = new RetryPolicy(5, () => 0.0);
        var high = new RetryPolicy(5, () => 0.999999);

        for (var retry = 1; retry <= 5; retry++)
        {
            var ceiling = RetryPolicy.BaseDelay * Math.Pow(2, retry - 1);
            Assert.Equal(ceiling / 2, low.DelayBefore(retry, throttled: false, retryAfter: null));
            Assert.InRange(high.DelayBefore(retry, false, null), ceiling * 0.99, ceiling);
        }
    }

    [Fact]
    public void DelayBefore_Throttled_StartsFromOneSecond()
    {
        var policy = new RetryPolicy(3, () => 1.0);

        Assert.Equal(RetryPolicy.ThrottledBaseDelay, policy.DelayBefore(1, throttled: true, retryAfter: null));
    }

    [Fact]
    public void DelayBefore_NeverExceedsCap()
    {
        var policy = new RetryPolicy(10, () => 1.0);

        Assert.Equal(RetryPolicy.MaxDelay, policy.DelayBefore(10, throttled: true, retryAfter: null));
    }

    [Fact]
    public void DelayBefore_LongerRetryAfter_Wins()
    {
        var policy = new RetryPolicy(3, () => 0.5);

        Assert.Equal(TimeSpan.FromSeconds(4), policy.DelayBefore(1, throttled: true, retryAfter: TimeSpan.FromSeconds(4)));
        Assert.True(policy.DelayBefore(3, false, TimeSpan.FromMilliseconds(1)) > TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public void MaxAttempts_CountsTheFirstAttempt() => Assert.Equal(4, new RetryPolicy(3).MaxAttempts);

    [Fact]
    public void DelayBefore_RealRandom_VariesBetweenCalls()
    {
        var policy = new RetryPolicy(3);

        var delays = Enumerable.Range(0, 20).Select(_ => policy.DelayBefore(3, false, null)).Distinct().Count();

        Assert.True(delays > 1);
    }
}
