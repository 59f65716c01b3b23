using Amazon.Util.Internal;

namespace RolesAnywhere.Credentials.Sessions;

/// <summary>
/// Gives the AWS SDK's refresh logic (<c>RefreshingAWSCredentials</c>) the same clock the library uses,
/// so expiry, signing time and tests (a fake clock) agree.
/// </summary>
internal sealed class AwsSdkClock(TimeProvider timeProvider) : ITimeProvider
{
    public DateTime CorrectedUtcNow => timeProvider.GetUtcNow().UtcDateTime;
}
