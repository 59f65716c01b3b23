using System.Text.Json;
using RolesAnywhere.Credentials.Authorization.Text;
using RolesAnywhere.Credentials.Audit.Rules;

namespace RolesAnywhere.Credentials.Audit.Output;

/// <summary>
/// SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html): one run, the rules as
/// <c>tool.driver.rules</c>, each finding a result whose location is the log file or object it came from and
/// whose properties carry the same fields as the JSON lines.
/// </summary>
internal static class SarifReport
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public static async Task WriteAsync(AuditResult result, Stream output, string toolVersion, CancellationToken cancellationToken)
    {
        var writer = new Utf8JsonWriter(output, GoJsonEncoder.Options(indented: true));
        await using (writer.ConfigureAwait(false))
        {
            writer.WriteStartObject();
            writer.WriteString("$schema", SchemaUri);
            writer.WriteString("version", "2.1.0");
            writer.WriteStartArray("runs");
            writer.WriteStartObject();
            WriteTool(writer, toolVersion);
            writer.WriteStartArray("results");
            foreach (var finding in result.Findings)
            {
                WriteResult(writer, finding);
                if (writer.BytesPending > 64 * 1024)
                {
                    await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        await output.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void WriteTool(Utf8JsonWriter writer, string toolVersion)
    {
        writer.WriteStartObject("tool");
        writer.WriteStartObject("driver");
        writer.WriteString("name", "rolesanywhere audit");
        writer.WriteString("version", toolVersion);
        // No informationUri: the project has no published home yet, and an invented URL would send readers nowhere.
        writer.WriteStartArray("rules");
        foreach (var rule in AuditRules.All)
        {
            writer.WriteStartObject();
            writer.WriteString("id", rule.Id);
            writer.WriteString("name", rule.Id);
            writer.WriteStartObject("shortDescription");
            writer.WriteString("text", rule.Description);
            writer.WriteEndObject();
            writer.WriteStartObject("help");
            writer.WriteString("text", $"docs/detection.md, section '{rule.Id}' (the events, the severities and the same rule as Athena, CloudTrail Lake and EventBridge queries); docs/runbooks.md for what to do.");
            writer.WriteEndObject();
            writer.WriteStartObject("defaultConfiguration");
            writer.WriteString("level", SeverityNames.SarifLevel(rule.Severity));
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter writer, Finding finding)
    {
        writer.WriteStartObject();
        writer.WriteString("ruleId", finding.Rule);
        writer.WriteString("level", SeverityNames.SarifLevel(finding.Severity));
        writer.WriteStartObject("message");
        writer.WriteString("text", finding.Message);
        writer.WriteEndObject();
        if (finding.Input is not null)
        {
            writer.WriteStartArray("locations");
            writer.WriteStartObject();
            writer.WriteStartObject("physicalLocation");
            writer.WriteStartObject("artifactLocation");
            writer.WriteString("uri", finding.Input);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        if (finding.EventId is not null)
        {
            writer.WriteStartObject("partialFingerprints");
            writer.WriteString("cloudTrailEventId", finding.EventId);
            writer.WriteEndObject();
        }

        writer.WritePropertyName("properties");
        JsonLinesReport.Write(writer, finding);
        writer.WriteEndObject();
    }
}
