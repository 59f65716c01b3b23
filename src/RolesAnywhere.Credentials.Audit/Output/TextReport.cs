using System.Globalization;
using System.Text;
using RolesAnywhere.Credentials.Audit.Rules;
using RolesAnywhere.Credentials.Authorization.Text;

namespace RolesAnywhere.Credentials.Audit.Output;

/// <summary>A table of findings (time order) and a summary of what was read, for a terminal or a cron mail.</summary>
internal static class TextReport
{
    /// <summary>Calls made with a finding's certificate listed under it in the table.</summary>
    private const int MaxLinkedCallsShown = 5;

    public static async Task WriteAsync(AuditResult result, Stream output, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var findings = result.Findings;
        if (findings.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{"SEVERITY",-8} {"RULE",-26} {"TIME (UTC)",-20} {"EVENT",-22} {"SOURCE",-16} {"SERIAL",-18} MESSAGE\n");
            foreach (var f in findings)
            {
                text.Append(CultureInfo.InvariantCulture, $"{SeverityNames.Name(f.Severity),-8} {f.Rule,-26} {f.EventTime.UtcDateTime:yyyy-MM-dd HH:mm:ss} {Cut(f.EventName, 22),-22} {Cut(f.SourceIpAddress ?? "-", 16),-16} {Cut(f.SerialNumber ?? "-", 18),-18} {Safe(f.Message)}\n");
                foreach (var call in f.LinkedCalls.Take(MaxLinkedCallsShown))
                {
                    text.Append("         then ").Append(TimelineReport.Describe(call)).Append('\n');
                }

                var more = f.LinkedCalls.Count - Math.Min(f.LinkedCalls.Count, MaxLinkedCallsShown) + f.LinkedCallsNotListed;
                if (more > 0)
                {
                    text.Append(CultureInfo.InvariantCulture, $"         then … {more} more call(s) with its credentials (--format json lists {Finding.MaxLinkedCalls}; --timeline shows them per certificate)\n");
                }
            }

            text.Append('\n');
        }

        var s = result.Summary;
        text.Append(CultureInfo.InvariantCulture, $"Read {s.Documents} document(s), {s.Records} record(s)");
        if (s.OutsidePeriod > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" ({s.OutsidePeriod} outside --since/--until)");
        }

        text.Append(CultureInfo.InvariantCulture, $"; {s.Malformed} malformed");
        if (s.OtherDocuments > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"; {s.OtherDocuments} document(s) without CloudTrail records skipped");
        }

        if (s.InvalidUtf8Records > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"; {s.InvalidUtf8Records} with bytes that are not UTF-8 (read with U+FFFD)");
        }

        text.Append(".\n");
        if (s.IncompleteCount > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"PARTIAL: {s.IncompleteCount} input(s) not read to the end (--allow-partial); the findings cover only what was read:\n");
            foreach (var incomplete in s.IncompleteInputs)
            {
                text.Append("  incomplete: ").Append(Safe(incomplete)).Append('\n');
            }
        }

        text.Append(CultureInfo.InvariantCulture, $"Roles Anywhere: {s.SessionsIssued} session(s) issued, {s.SessionsRefused} refused, {s.Certificates} certificate(s) identified, {s.LinkedCalls} later call(s) linked to them.\n");
        if (s.RefusedNotKept > 0)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"Bounded: {s.RefusedNotKept} of {s.SessionsRefused} refused CreateSession calls were counted but not examined (at most {Sessions.RefusedCalls.MaxKeptPerSource} per address and {Sessions.RefusedCalls.MaxKept} in all are kept");
            if (s.RefusedFromUntrackedSources > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"; {s.RefusedFromUntrackedSources} came from addresses beyond the first {Sessions.RefusedCalls.MaxSources}, not counted one by one");
            }

            text.Append(").\n");
        }

        if (SourceKinds(s) is { } kinds)
        {
            text.Append("CreateSession sources: ").Append(kinds).Append(".\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"Findings: {AuditSummary.Count(findings, Severity.High)} high, {AuditSummary.Count(findings, Severity.Medium)} medium, {AuditSummary.Count(findings, Severity.Low)} low.\n");
        text.Append("Rules not armed: ").Append(NotArmed(result.Options)).Append('\n');
        foreach (var problem in s.Problems)
        {
            text.Append("malformed: ").Append(Safe(problem)).Append('\n');
        }

        if (s.Malformed > s.Problems.Count)
        {
            text.Append(CultureInfo.InvariantCulture, $"malformed: … and {s.Malformed - s.Problems.Count} more\n");
        }

        await output.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()), cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The sourceIPAddress kinds of CreateSession calls, when any is not an IP address (else nothing to say).</summary>
    internal static string? SourceKinds(AuditSummary s)
    {
        if (s.CreateSessionSources.Keys.All(k => k == Records.SourceAddressKind.IpAddress))
        {
            return null;
        }

        return string.Join(", ", s.CreateSessionSources.OrderBy(p => p.Key).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Value} {Records.SourceAddress.Describe(p.Key)}")));
    }

    private static string NotArmed(AuditOptions options)
    {
        var missing = new List<string>();
        if (options.AllowedNetworks is null)
        {
            missing.Add("unexpected-source-ip (--allowed-cidrs)");
        }

        if (options.KnownSerials is null)
        {
            missing.Add("unknown-certificate (--known-serials)");
        }

        if (options.Revocations is null)
        {
            missing.Add("revoked-certificate-used (--crl)");
        }

        if (options.BusinessHours is null)
        {
            missing.Add("outside-business-hours (--business-hours, --time-zone)");
        }

        return missing.Count == 0 ? "none" : string.Join(", ", missing);
    }

    /// <summary>Text from the logs (an attacker's to choose), with control and format characters shown as escapes.</summary>
    internal static string Safe(string? text) => TerminalText.Escape(text) ?? string.Empty;

    private static string Cut(string text, int width)
    {
        var line = Safe(text);
        return line.Length <= width ? line : string.Concat(line.AsSpan(0, width - 1), "…");
    }
}
