namespace RolesAnywhere.Credentials.Audit.Rules;

/// <summary><c>trust-anchor-changed</c>: which CAs the account trusts, or their expiry notifications, changed.</summary>
internal sealed class TrustAnchorChangedRule : ControlPlaneRule
{
    private static readonly Dictionary<string, Severity> ActionSeverities = new(StringComparer.Ordinal)
    {
        ["CreateTrustAnchor"] = Severity.High,
        ["UpdateTrustAnchor"] = Severity.High,
        ["EnableTrustAnchor"] = Severity.Medium,
        ["DisableTrustAnchor"] = Severity.Medium,
        ["DeleteTrustAnchor"] = Severity.Medium,
        ["PutNotificationSettings"] = Severity.Low,
        ["ResetNotificationSettings"] = Severity.Low,
    };

    public override string Id => "trust-anchor-changed";

    public override string Description => "A trust anchor was created, changed, enabled, disabled or deleted, or its notification settings changed: a new CA trusted is a new way in.";

    protected override IReadOnlyDictionary<string, Severity> Actions => ActionSeverities;
}
