using RolesAnywhere.Credentials.Authorization.Certificates;

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

    /// <summary>Per certificate: its CreateSession calls and the calls made with its sessions, in time order.</summary>
    public IReadOnlyDictionary<CertificateSerialNumber, CertificateTimeline> Timelines { get; init; } = new Dictionary<CertificateSerialNumber, CertificateTimeline>();

    /// <summary>STS AssumeRole calls made with a certificate's session (or a session chained from it), in time order.</summary>
    public IReadOnlyList<RoleChain> RoleChains { get; init; } = [];

    /// <summary>IAM CreateRole/UpdateAssumeRolePolicy calls whose trust policy mentions Roles Anywhere.</summary>
    public IReadOnlyList<TrustPolicyChange> TrustPolicyChanges { get; init; } = [];
}
