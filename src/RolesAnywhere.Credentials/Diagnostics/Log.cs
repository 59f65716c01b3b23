using Microsoft.Extensions.Logging;

namespace RolesAnywhere.Credentials.Diagnostics;

/// <summary>
/// The library's log messages. They carry public facts only: certificate subject and serial, region,
/// outcome, duration, request id, expiry — never keys, PINs, passwords, access keys or session tokens.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(
        EventId = 1,
        EventName = "CreateSessionSucceeded",
        Level = LogLevel.Information,
        Message = "CreateSession succeeded in {Region} for certificate {CertificateSubject} (serial {CertificateSerial}, expires in {CertificateDaysToExpiry} days) in {DurationMs} ms, request id {RequestId}")]
    public static partial void CreateSessionSucceeded(
        ILogger logger, string region, string certificateSubject, string certificateSerial, int certificateDaysToExpiry, long durationMs, string? requestId);

    [LoggerMessage(
        EventId = 2,
        EventName = "CreateSessionFailed",
        Level = LogLevel.Warning,
        Message = "CreateSession failed in {Region} for certificate {CertificateSubject} (serial {CertificateSerial}, expires in {CertificateDaysToExpiry} days) after {DurationMs} ms, request id {RequestId}: {ErrorType}")]
    public static partial void CreateSessionFailed(
        ILogger logger, string region, string certificateSubject, string certificateSerial, int certificateDaysToExpiry, long durationMs, string? requestId, string errorType, Exception exception);

    [LoggerMessage(
        EventId = 3,
        EventName = "CredentialsRefreshed",
        Level = LogLevel.Debug,
        Message = "IAM Roles Anywhere credentials refreshed; valid until {CredentialsExpiration:O}")]
    public static partial void CredentialsRefreshed(ILogger logger, DateTimeOffset credentialsExpiration);

    [LoggerMessage(
        EventId = 4,
        EventName = "RefreshFailedServingLastGood",
        Level = LogLevel.Warning,
        Message = "Refreshing the IAM Roles Anywhere credentials failed; the previous credentials stay in use until {CredentialsExpiration:O}")]
    public static partial void RefreshFailedServingLastGood(ILogger logger, DateTimeOffset credentialsExpiration, Exception exception);

    [LoggerMessage(
        EventId = 5,
        EventName = "RefreshFailed",
        Level = LogLevel.Error,
        Message = "Refreshing the IAM Roles Anywhere credentials failed and no valid credentials remain")]
    public static partial void RefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(
        EventId = 6,
        EventName = "ExpirationCapped",
        Level = LogLevel.Warning,
        Message = "CreateSession returned credentials valid until {ServiceExpiration:O}, beyond the requested {DurationSeconds} s; the service's value was capped to {CappedExpiration:O}")]
    public static partial void ExpirationCapped(ILogger logger, DateTimeOffset serviceExpiration, double durationSeconds, DateTimeOffset cappedExpiration);
}
