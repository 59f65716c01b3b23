using System.Globalization;
using System.Text;
using System.Text.Json;
using RolesAnywhere.Credentials.Authorization.Text;
using RolesAnywhere.Credentials.Audit.Sessions;

namespace RolesAnywhere.Credentials.Audit.Output;

/// <summary>
/// The <c>--timeline</c> view: per certificate, in the order they first appear, every CreateSession and every call made
/// with the credentials of its sessions, including sessions chained from them — the scoping step of an incident
/// (docs/runbooks.md) without a hand-written query. Text for a terminal, or one JSON object per certificate per line.
/// </summary>
internal static class TimelineReport
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public static async Task WriteTextAsync(AuditResult result, Stream output, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        foreach (var timeline in result.Timelines)
        {
            text.Append(CultureInfo.InvariantCulture, $"Certificate {timeline.Serial}");
            if (timeline.Subject is { } subject)
            {
                text.Append(" (").Append(TextReport.Safe(subject)).Append(')');
            }

            text.Append(CultureInfo.InvariantCulture, $": {timeline.Events.Count} event(s)\n");
            foreach (var e in timeline.Events)
            {
                text.Append("  ").Append(Describe(e)).Append('\n');
            }

            if (timeline.CallsNotListed > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"  … and {timeline.CallsNotListed} later call(s) counted, not listed (the earliest {DownstreamUse.MaxCalls} of each session are)\n");
            }

            text.Append('\n');
        }

        text.Append(CultureInfo.InvariantCulture, $"{result.Timelines.Count} certificate(s); {result.Findings.Count} finding(s) (run without --timeline for the table).\n");
        await output.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()), cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task WriteJsonAsync(AuditResult result, Stream output, CancellationToken cancellationToken)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        foreach (var timeline in result.Timelines)
        {
            buffer.Clear();
            using (var writer = new Utf8JsonWriter(buffer, GoJsonEncoder.Options(indented: false)))
            {
                writer.WriteStartObject();
                writer.WriteString("serialNumber", timeline.Serial.ToString());
                writer.WriteString("subject", timeline.Subject);
                writer.WriteStartArray("events");
                foreach (var e in timeline.Events)
                {
                    WriteCall(writer, e);
                }

                writer.WriteEndArray();
                writer.WriteNumber("callsNotListed", timeline.CallsNotListed);
                writer.WriteEndObject();
            }

            await output.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
            await output.WriteAsync(NewLine, cancellationToken).ConfigureAwait(false);
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One event as JSON: <c>eventTime</c>, <c>eventSource</c>, <c>eventName</c>, <c>sourceIPAddress</c>, <c>eventId</c>, <c>errorCode</c>, <c>targetRoleArn</c>, <c>session</c>.</summary>
    internal static void WriteCall(Utf8JsonWriter writer, LinkedCall e)
    {
        writer.WriteStartObject();
        writer.WriteString("eventTime", e.Time.UtcDateTime);
        writer.WriteString("eventSource", e.EventSource);
        writer.WriteString("eventName", e.EventName);
        writer.WriteString("sourceIPAddress", e.SourceIp);
        writer.WriteString("eventId", e.EventId);
        writer.WriteString("errorCode", e.ErrorCode);
        writer.WriteString(e.EventName == "CreateSession" ? "roleArn" : "targetRoleArn", e.TargetRoleArn);
        writer.WriteString("session", e.Session);
        writer.WriteEndObject();
    }

    /// <summary>One event on one line: time, service and action, source, event id, error, role asked for.</summary>
    internal static string Describe(LinkedCall e)
    {
        var service = e.EventSource.EndsWith(".amazonaws.com", StringComparison.Ordinal) ? e.EventSource[..^".amazonaws.com".Length] : e.EventSource;
        var line = new StringBuilder();
        line.Append(CultureInfo.InvariantCulture, $"{e.Time.UtcDateTime:yyyy-MM-dd HH:mm:ss} ")
            .Append(TextReport.Safe(service.Length > 0 ? $"{service}:{e.EventName}" : e.EventName))
            .Append(" from ").Append(TextReport.Safe(e.SourceIp ?? "-"))
            .Append(" (").Append(TextReport.Safe(e.EventId ?? "no event id")).Append(')');
        if (e.ErrorCode is { } error)
        {
            line.Append(" refused: ").Append(TextReport.Safe(error));
        }

        if (e.TargetRoleArn is { } role)
        {
            line.Append(e.EventName == "CreateSession" ? " role " : " -> ").Append(TextReport.Safe(role));
            if (e.TargetSessionName is { } name)
            {
                line.Append(" as ").Append(TextReport.Safe(name));
            }
        }

        if (e.Session is { } session && e.EventName != "CreateSession")
        {
            line.Append(" [").Append(TextReport.Safe(session[(session.LastIndexOf(':') + 1)..])).Append(']');
        }

        return line.ToString();
    }
}
