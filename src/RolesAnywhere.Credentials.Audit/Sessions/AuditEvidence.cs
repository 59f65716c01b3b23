namespace RolesAnywhere.Credentials.Audit.Sessions;

/// <summary>What the rules look at, after linking: sessions, certificate uses and control-plane changes, each in time order.</summary>
internal sealed class AuditEvidence
{
    public required IReadOnlyList<SessionAttempt> Attempts { get; init; }

    public required IReadOnlyList<CertificateUse> CertificateUses { get; init; }

    public required IReadOnlyList<ControlPlaneChange> Changes { get; init; }

    /// <summary>Calls made with Roles Anywhere sessions that were linked back to a certificate.</summary>
    public long LinkedCalls { get; init; }
}
