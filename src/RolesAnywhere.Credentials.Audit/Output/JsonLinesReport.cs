using System.Text.Json;
using RolesAnywhere.Credentials.Authorization.Text;
using RolesAnywhere.Credentials.Audit.Rules;

namespace RolesAnywhere.Credentials.Audit.Output;

/// <summary>
/// One JSON object per line per finding: <c>rule</c>, <c>severity</c>, <c>eventTime</c>, <c>eventName</c>, <c>eventId</c>,
/// <c>sourceIPAddress</c>, <c>serialNumber</c> (lowercase hex, as in the role session name), <c>subject</c>,
/// <c>roleArn</c>, <c>trustAnchorArn</c>, <c>message</c>, plus <c>relatedEventIds</c>, <c>linkedCalls</c> (calls made with the
/// certificate's credentials: <see cref="TimelineReport.WriteCall"/>), <c>linkedCallsNotListed</c> and <c>input</c>.
/// Absent values are <c>null</c>.
/// </summary>
internal static class JsonLinesReport
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public static async Task WriteAsync(AuditResult result, Stream output, CancellationToken cancellationToken)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        foreach (var finding in result.Findings)
        {
            buffer.Clear();
            using (var writer = new Utf8JsonWriter(buffer, GoJsonEncoder.Options(indented: false)))
            {
                Write(writer, finding);
            }

            await output.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
            await output.WriteAsync(NewLine, cancellationToken).ConfigureAwait(false);
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    internal static void Write(Utf8JsonWriter writer, Finding finding)
    {
        writer.WriteStartObject();
        writer.WriteString("rule", finding.Rule);
        writer.WriteString("severity", SeverityNames.Name(finding.Severity));
        writer.WriteString("eventTime", finding.EventTime.UtcDateTime);
        writer.WriteString("eventName", finding.EventName);
        writer.WriteString("eventId", finding.EventId);
        writer.WriteString("sourceIPAddress", finding.SourceIpAddress);
        writer.WriteString("serialNumber", finding.SerialNumber);
        writer.WriteString("subject", finding.Subject);
        writer.WriteString("roleArn", finding.RoleArn);
        writer.WriteString("trustAnchorArn", finding.TrustAnchorArn);
        writer.WriteString("message", finding.Message);
        writer.WriteStartArray("relatedEventIds");
        foreach (var id in finding.RelatedEventIds)
        {
            writer.WriteStringValue(id);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("linkedCalls");
        foreach (var call in finding.LinkedCalls)
        {
            TimelineReport.WriteCall(writer, call);
        }

        writer.WriteEndArray();
        writer.WriteNumber("linkedCallsNotListed", finding.LinkedCallsNotListed);
        writer.WriteString("input", finding.Input);
        writer.WriteEndObject();
    }
}
