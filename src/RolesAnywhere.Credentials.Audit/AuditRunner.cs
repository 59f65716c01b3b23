using System.Text.Json;
using RolesAnywhere.Credentials.Audit.Inputs;
using RolesAnywhere.Credentials.Audit.Reading;
using RolesAnywhere.Credentials.Audit.Records;
using RolesAnywhere.Credentials.Audit.Rules;
using RolesAnywhere.Credentials.Audit.Sessions;

namespace RolesAnywhere.Credentials.Audit;

/// <summary>
/// Reads every input as a stream, keeps the evidence the rules need (<see cref="EvidenceCollector"/>), links
/// sessions to certificates, and runs the rules. A malformed record is counted and named in the summary, never
/// fatal; an input that cannot be opened or decoded stops the run with <see cref="AuditInputException"/>.
/// </summary>
internal static class AuditRunner
{
    /// <summary>Progress is reported every this many records.</summary>
    private const int ProgressInterval = 16 * 1024;

    public static async Task<AuditResult> RunAsync(AuditOptions options, Stream standardInput, IProgress<AuditProgress>? progress, CancellationToken cancellationToken)
    {
        var summary = new AuditSummary();
        var collector = new EvidenceCollector();
        await foreach (var source in InputExpander.ExpandAsync(options, standardInput, cancellationToken).ConfigureAwait(false))
        {
            await ReadSourceAsync(source, options, collector, summary, progress, cancellationToken).ConfigureAwait(false);
        }

        var evidence = collector.Link();
        var findings = new List<Finding>();
        foreach (var rule in AuditRules.All)
        {
            findings.AddRange(rule.Evaluate(evidence, options));
        }

        findings.Sort((a, b) => a.EventTime != b.EventTime ? a.EventTime.CompareTo(b.EventTime) : string.CompareOrdinal(a.Rule, b.Rule));
        summary.SessionsIssued = evidence.Attempts.Count(a => a.Succeeded);
        summary.SessionsRefused = evidence.Attempts.Count - summary.SessionsIssued;
        summary.Certificates = evidence.CertificateUses.Select(u => u.Serial).Distinct().Count();
        summary.LinkedCalls = evidence.LinkedCalls;
        return new AuditResult { Findings = findings, Summary = summary, Options = options };
    }

    private static async Task ReadSourceAsync(
        AuditSource source, AuditOptions options, EvidenceCollector collector, AuditSummary summary, IProgress<AuditProgress>? progress, CancellationToken cancellationToken)
    {
        summary.Documents++;
        var lookupEvents = new LookupEvents();
        long index = 0;
        void OnElement(ReadOnlySpan<byte> json, bool wrapped)
        {
            index++;
            summary.Records++;
            if (progress is not null && summary.Records % ProgressInterval == 0)
            {
                progress.Report(new AuditProgress(summary.Documents, summary.Records, source.Name));
            }

            if (wrapped && !lookupEvents.TryUnwrap(json, out json))
            {
                summary.AddProblem($"{source.Name}: event #{index}: no CloudTrailEvent string (not 'aws cloudtrail lookup-events' output?)");
                return;
            }

            if (!CloudTrailRecordParser.TryParse(json, out var record, out var problem))
            {
                summary.AddProblem($"{source.Name}: record #{index}: {problem}");
                return;
            }

            if ((options.Since is { } since && record!.EventTime < since) || (options.Until is { } until && record!.EventTime >= until))
            {
                summary.OutsidePeriod++;
                return;
            }

            collector.Add(record!, source.Name);
        }

        var reader = new CloudTrailStreamReader(OnElement);
        Stream? raw = null;
        try
        {
            raw = await source.Open(cancellationToken).ConfigureAwait(false);
            var decoded = await DecodedStream.OpenAsync(raw, cancellationToken).ConfigureAwait(false);
            raw = null;
            await using (decoded.ConfigureAwait(false))
            {
                await reader.ReadAsync(decoded, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (JsonException e)
        {
            // The document's JSON breaks off: what was read counts, the rest is reported, the run goes on.
            summary.AddProblem($"{source.Name}: {e.Message}; {reader.Elements} record(s) before it were read");
        }
        catch (InvalidDataException e)
        {
            throw new AuditInputException($"'{source.Name}' cannot be decoded: {e.Message} (a damaged .gz file?)", e);
        }
        catch (IOException e)
        {
            throw new AuditInputException($"'{source.Name}' cannot be read: {e.Message}", e);
        }
        finally
        {
            if (raw is not null)
            {
                await raw.DisposeAsync().ConfigureAwait(false);
            }
        }

        summary.Records += reader.NonObjectElements;
        for (var i = 0; i < reader.NonObjectElements; i++)
        {
            summary.AddProblem($"{source.Name}: an element of the records array is not a JSON object");
        }

        if (!reader.FoundRecords)
        {
            summary.OtherDocuments++;
        }
    }
}
