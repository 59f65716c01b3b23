using RolesAnywhere.Credentials.Audit.Rules;

namespace RolesAnywhere.Credentials.Audit.Output;

/// <summary>The spelling of severities in output and on the command line (<c>--fail-on</c>).</summary>
internal static class SeverityNames
{
    public static string Name(Severity severity) => severity switch
    {
        Severity.High => "high",
        Severity.Medium => "medium",
        _ => "low",
    };

    public static bool TryParse(string? text, out Severity severity)
    {
        severity = text switch
        {
            "high" => Severity.High,
            "medium" => Severity.Medium,
            "low" => Severity.Low,
            _ => 0,
        };
        return severity != 0;
    }

    /// <summary>SARIF <c>level</c>: high is an error, medium a warning, low a note.</summary>
    public static string SarifLevel(Severity severity) => severity switch
    {
        Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };
}
