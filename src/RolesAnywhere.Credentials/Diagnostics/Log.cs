using Microsoft.Extensions.Logging;

namespace RolesAnywhere.Credentials.Diagnostics;

/// <summary>
/// The library's log messages. They carry public facts only: certificate subject and serial, region,
/// outcome, duration, request id — never keys, PINs, passwords, access keys or session tokens.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(
        EventId = 1,
        EventName = "CreateSessionSucceeded",
        Level = LogLevel.Information,
        Message = "CreateSession succeeded in {Region} for certificate {CertificateSubject} (serial {CertificateSerial}, expires in {CertificateDaysToExpiry} days) in {DurationMs} ms, request id {RequestId}; credentials valid until {CredentialsExpiration}")]
    public static partial void CreateSessionSucceeded(
        ILogger logger, string region, string certificateSubject, string certificateSerial, int certificateDaysToExpiry, long durationMs, string? requestId, DateTimeOffset credentialsExpiration);

    [LoggerMessage(
        EventId = 2,
        EventName = "CreateSessionFailed",
        Level = LogLevel.Warning,
        Message = "CreateSession failed in {Region} for certificate {CertificateSubject} (serial {CertificateSerial}, expires in {CertificateDaysToExpiry} days) after {DurationMs} ms, request id {RequestId}: {ErrorType}")]
    public static partial void CreateSessionFailed(
        ILogger logger, string region, string certificateSubject, string certificateSerial, int certificateDaysToExpiry, long durationMs, string? requestId, string errorType, Exception exception);
}
