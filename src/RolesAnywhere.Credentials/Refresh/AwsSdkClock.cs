using Amazon.Util.Internal;

namespace RolesAnywhere.Credentials.Refresh;

/// <summary>
/// Gives the AWS SDK's refresh logic (<c>RefreshingAWSCredentials</c>) the same clock the library uses,
/// so expiry, signing time and tests (a fake clock) agree. The system clock is read through
/// <see cref="CoarseSystemClock"/> so that a cached <c>GetCredentials()</c> stays in the tens of nanoseconds.
/// </summary>
internal sealed class AwsSdkClock(TimeProvider timeProvider) : ITimeProvider
{
    private readonly bool _isSystem = ReferenceEquals(timeProvider, TimeProvider.System);

    public DateTime CorrectedUtcNow => _isSystem ? CoarseSystemClock.UtcNow : timeProvider.GetUtcNow().UtcDateTime;
}
