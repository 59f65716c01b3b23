namespace RolesAnywhere.Credentials.Audit.Rules;

/// <summary><c>crl-changed</c>: revocation data changed. Disabling or deleting a CRL brings revoked certificates back.</summary>
internal sealed class CrlChangedRule : ControlPlaneRule
{
    private static readonly Dictionary<string, Severity> ActionSeverities = new(StringComparer.Ordinal)
    {
        ["DisableCrl"] = Severity.High,
        ["DeleteCrl"] = Severity.High,
        ["UpdateCrl"] = Severity.Medium,
        ["ImportCrl"] = Severity.Low,
        ["EnableCrl"] = Severity.Low,
    };

    public override string Id => "crl-changed";

    public override string Description => "A CRL was imported, updated, enabled, disabled or deleted: disabling or deleting one lets revoked certificates in again.";

    protected override IReadOnlyDictionary<string, Severity> Actions => ActionSeverities;
}
