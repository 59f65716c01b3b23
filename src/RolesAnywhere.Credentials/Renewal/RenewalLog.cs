using Microsoft.Extensions.Logging;

namespace RolesAnywhere.Credentials.Renewal;

/// <summary>The renewal's log messages: serials, dates, stages and the CA's changes; never keys or passwords.</summary>
internal static partial class RenewalLog
{
    [LoggerMessage(EventId = 101, EventName = "CertificateRenewed", Level = LogLevel.Information,
        Message = "Certificate renewed: serial {PreviousSerial} -> {Serial}, valid until {NotAfter:O}, next due {DueAt:O}")]
    public static partial void Renewed(ILogger logger, string previousSerial, string serial, DateTimeOffset notAfter, DateTimeOffset dueAt);

    [LoggerMessage(EventId = 102, EventName = "CertificateRenewalChange", Level = LogLevel.Warning,
        Message = "The CA changed the renewed certificate (serial {Serial}): {Change}")]
    public static partial void Changed(ILogger logger, string serial, string change);

    [LoggerMessage(EventId = 103, EventName = "CertificateRenewalFailed", Level = LogLevel.Warning,
        Message = "Certificate renewal failed at {Stage} for serial {Serial} (expires {NotAfter:O}); the current pair stays in place")]
    public static partial void Failed(ILogger logger, CertificateRenewalStage stage, string serial, DateTimeOffset notAfter, Exception exception);

    [LoggerMessage(EventId = 104, EventName = "CertificateSwapRecovered", Level = LogLevel.Warning,
        Message = "An interrupted certificate swap of {CertificatePath} was completed from its journal")]
    public static partial void Recovered(ILogger logger, string certificatePath);

    [LoggerMessage(EventId = 105, EventName = "CertificateRenewedElsewhere", Level = LogLevel.Information,
        Message = "Another renewer replaced the certificate while this one waited: serial {PreviousSerial} -> {Serial}")]
    public static partial void RenewedElsewhere(ILogger logger, string previousSerial, string serial);

    [LoggerMessage(EventId = 107, EventName = "ExpiredCertificateRenewing", Level = LogLevel.Warning,
        Message = "The certificate (serial {Serial}) expired at {NotAfter:O}; renewing it with a new key anyway (the CA decides whether it signs): until then no CreateSession can succeed")]
    public static partial void RenewingExpired(ILogger logger, string serial, DateTimeOffset notAfter);

    [LoggerMessage(EventId = 108, EventName = "CertificateRenewalRetry", Level = LogLevel.Information,
        Message = "Certificate renewal failed {Failures} time(s) in a row; next attempt at {RetryAt:O}")]
    public static partial void Retrying(ILogger logger, int failures, DateTimeOffset retryAt);

    [LoggerMessage(EventId = 109, EventName = "IssuerCommandStarting", Level = LogLevel.Information,
        Message = "Running the issuer command '{Program}' as {ResolvedProgram}")]
    public static partial void RunningIssuerCommand(ILogger logger, string program, string resolvedProgram);

    [LoggerMessage(EventId = 110, EventName = "RenewalKeyModeNarrowed", Level = LogLevel.Warning,
        Message = "The key file {KeyPath} had mode {Mode}, readable or writable by others; the new key is written owner-only (0600). Treat the old key as exposed")]
    public static partial void KeyModeNarrowed(ILogger logger, string keyPath, string mode);

    [LoggerMessage(EventId = 106, EventName = "CertificateRenewalSwitchFailed", Level = LogLevel.Warning,
        Message = "The credentials could not load the renewed certificate (serial {Serial}) at once; they keep the pair they have and read the files again at their next refresh")]
    public static partial void SwitchFailed(ILogger logger, string serial, Exception exception);
}
