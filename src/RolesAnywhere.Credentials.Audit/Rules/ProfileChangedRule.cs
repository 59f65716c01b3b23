using RolesAnywhere.Credentials.Audit.Sessions;

namespace RolesAnywhere.Credentials.Audit.Rules;

/// <summary>
/// <c>profile-changed</c>: which roles a certificate can reach, with which session policy and attribute mapping,
/// changed. An UpdateProfile touching <c>roleArns</c>, <c>managedPolicyArns</c> or <c>sessionPolicy</c> (fields of the
/// documented UpdateProfile record) and any attribute-mapping change are high.
/// </summary>
internal sealed class ProfileChangedRule : ControlPlaneRule
{
    private static readonly Dictionary<string, Severity> ActionSeverities = new(StringComparer.Ordinal)
    {
        ["CreateProfile"] = Severity.Medium,
        ["UpdateProfile"] = Severity.Medium,
        ["EnableProfile"] = Severity.Medium,
        ["DisableProfile"] = Severity.Low,
        ["DeleteProfile"] = Severity.Low,
        ["PutAttributeMapping"] = Severity.High,
        ["DeleteAttributeMapping"] = Severity.High,
    };

    private static readonly string[] PermissionFields = ["roleArns", "managedPolicyArns", "sessionPolicy", "acceptRoleSessionName", "durationSeconds"];

    public override string Id => "profile-changed";

    public override string Description => "A profile, its roles, session policies or attribute mapping changed: what a certificate can do changed.";

    protected override IReadOnlyDictionary<string, Severity> Actions => ActionSeverities;

    protected override Severity Adjust(ControlPlaneChange change, Severity severity) =>
        change.EventName == "UpdateProfile" && change.Fields.Any(f => Array.IndexOf(PermissionFields, f) >= 0) ? Severity.High : severity;
}
