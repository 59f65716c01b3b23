using System.Diagnostics;

namespace RolesAnywhere.Credentials.TestSupport;

/// <summary>
/// Waits for work on other threads (a background refresh, a command's loop) to reach a state, by checking the
/// condition until it holds. It never moves a fake clock: tests move time with <see cref="TimerClock"/>, when the code
/// under test is waiting on it.
/// </summary>
internal static class Eventually
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    /// <summary>Returns once <paramref name="condition"/> holds; fails the test, naming <paramref name="what"/>, after 30 s.</summary>
    public static async Task HoldsAsync(Func<bool> condition, string what = "the condition")
    {
        var start = Stopwatch.GetTimestamp();
        while (!condition())
        {
            Assert.True(Stopwatch.GetElapsedTime(start) < Limit, $"{what} did not happen within {Limit.TotalSeconds:0} s.");
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
    }
}
