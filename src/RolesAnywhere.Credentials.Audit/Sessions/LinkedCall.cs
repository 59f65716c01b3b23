namespace RolesAnywhere.Credentials.Audit.Sessions;

/// <summary>
/// One event in a certificate's story: its CreateSession, or a call made with the credentials of a role session linked
/// back to it (directly, or through role chaining). <see cref="TargetRoleArn"/> and <see cref="TargetSessionName"/> are
/// the role and role session name an STS AssumeRole asked for; <see cref="Session"/> is the caller's role session
/// (<c>ROLE/SESSION</c> or its assumed-role ARN).
/// </summary>
internal sealed record LinkedCall(
    DateTimeOffset Time,
    string EventSource,
    string EventName,
    string? SourceIp,
    string? EventId,
    string? ErrorCode,
    string? TargetRoleArn,
    string? Session,
    string? TargetSessionName = null);
