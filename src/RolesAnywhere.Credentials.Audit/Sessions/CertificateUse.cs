using RolesAnywhere.Credentials.Authorization.Certificates;

namespace RolesAnywhere.Credentials.Audit.Sessions;

/// <summary>
/// One time a certificate (by serial) was seen in use: its CreateSession, the service's AssumeRole for it, or the
/// first call from a source address made with a role session linked back to it.
/// </summary>
internal sealed record CertificateUse
{
    public required DateTimeOffset Time { get; init; }

    public required CertificateSerialNumber Serial { get; init; }

    public string? Subject { get; init; }

    public required string EventName { get; init; }

    public string? EventId { get; init; }

    /// <summary>The caller's address; <see langword="null"/> for the service's own AssumeRole.</summary>
    public string? SourceIp { get; init; }

    public string? RoleArn { get; init; }

    public string? TrustAnchorArn { get; init; }

    public bool Succeeded { get; init; } = true;

    /// <summary>For a downstream use, how many calls the linked session made in all.</summary>
    public long Calls { get; init; } = 1;

    public string? Input { get; init; }
}
