using RolesAnywhere.Credentials.Authorization.Certificates;
using RolesAnywhere.Credentials.Authorization.Linting;
using RolesAnywhere.Credentials.Authorization.Policies;

namespace RolesAnywhere.Credentials.Tool.Trust;

/// <summary>The lower-case words the JSON output uses for severities and decisions.</summary>
internal static class ProblemLevel
{
    public static string Of(ProblemSeverity severity) => severity switch
    {
        ProblemSeverity.Error => "error",
        ProblemSeverity.Warning => "warning",
        _ => "info",
    };

    public static string Of(LintSeverity severity) => severity switch
    {
        LintSeverity.Error => "error",
        LintSeverity.High => "high",
        LintSeverity.Medium => "medium",
        _ => "low",
    };

    public static LintSeverity? ParseLint(string text) => text.ToLowerInvariant() switch
    {
        "low" => LintSeverity.Low,
        "medium" => LintSeverity.Medium,
        "high" => LintSeverity.High,
        "error" => LintSeverity.Error,
        _ => null,
    };

    public static string Of(PolicyDecision decision) => decision switch
    {
        PolicyDecision.Allowed => "allowed",
        PolicyDecision.ImplicitDeny => "implicitDeny",
        PolicyDecision.ExplicitDeny => "explicitDeny",
        _ => "unsupported",
    };
}
