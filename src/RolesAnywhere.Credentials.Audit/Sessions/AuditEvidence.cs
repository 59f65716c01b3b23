namespace RolesAnywhere.Credentials.Audit.Sessions;

/// <summary>What the rules look at, after linking: sessions, certificate uses and control-plane changes, each in time order.</summary>
internal sealed class AuditEvidence
{
    public required IReadOnlyList<SessionAttempt> Attempts { get; init; }

    public required IReadOnlyList<CertificateUse> CertificateUses { get; init; }

    public required IReadOnlyList<ControlPlaneChange> Changes { get; init; }

    /// <summary>Calls made with Roles Anywhere sessions that were linked back to a certificate.</summary>
    public long LinkedCalls { get; init; }

    /// <summary>Every refused CreateSession call counted, per address, and how many were kept in <see cref="Attempts"/>.</summary>
    public RefusedCalls Refused { get; init; } = new();
}
