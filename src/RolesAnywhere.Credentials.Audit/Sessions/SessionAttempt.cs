using RolesAnywhere.Credentials.Authorization.Certificates;

namespace RolesAnywhere.Credentials.Audit.Sessions;

/// <summary>
/// One Roles Anywhere <c>CreateSession</c> call as CloudTrail recorded it, with the certificate it was made
/// with when the records tell (directly, or linked through the service's STS <c>AssumeRole</c>).
/// </summary>
internal sealed class SessionAttempt
{
    public required DateTimeOffset Time { get; init; }

    public string? EventId { get; init; }

    public string? SourceIp { get; init; }

    public string? TrustAnchorArn { get; init; }

    public string? ProfileArn { get; init; }

    public string? RoleArn { get; init; }

    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    public string? AccessKeyId { get; init; }

    /// <summary>The role session the service created (from the response), when logged.</summary>
    public RoleSessionKey? Session { get; set; }

    /// <summary>Whether the request named its own role session name (then the session name is not the serial).</summary>
    public bool CustomSessionName { get; init; }

    public CertificateSerialNumber? Serial { get; set; }

    public string? Subject { get; set; }

    /// <summary>How the certificate was found: <c>certificate</c>, <c>session-name</c>, <c>assume-role</c>, or <see langword="null"/>.</summary>
    public string? SerialSource { get; set; }

    public string? Input { get; init; }

    public bool Succeeded => ErrorCode is null;
}
