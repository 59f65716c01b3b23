namespace RolesAnywhere.Credentials.Audit.Rules;

/// <summary>Every rule, in the order they are documented (docs/detection.md).</summary>
internal static class AuditRules
{
    public static IReadOnlyList<IAuditRule> All { get; } =
    [
        new UnexpectedSourceIpRule(),
        new UnknownCertificateRule(),
        new RevokedCertificateUsedRule(),
        new FailedSessionsBurstRule(),
        new OutsideBusinessHoursRule(),
        new TrustAnchorChangedRule(),
        new CrlChangedRule(),
        new ProfileChangedRule(),
        new NewSourceForCertificateRule(),
        new UnrecognizedSourceAddressRule(),
        new RoleChainingRule(),
        new ExternalCaTrustAnchorRule(),
        new TrustAnchorPersistenceRule(),
        new PermissiveRoleTrustRule(),
    ];
}
