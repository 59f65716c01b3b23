namespace RolesAnywhere.Credentials.Audit.Output;

/// <summary><c>--format</c>: a table for people, JSON lines for pipelines, SARIF 2.1.0 for code-scanning dashboards.</summary>
internal enum ReportFormat
{
    Text,
    Json,
    Sarif,
}
