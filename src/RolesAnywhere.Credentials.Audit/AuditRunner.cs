using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using RolesAnywhere.Credentials.Audit.Inputs;
using RolesAnywhere.Credentials.Audit.Reading;
using RolesAnywhere.Credentials.Audit.Records;
using RolesAnywhere.Credentials.Audit.Rules;
using RolesAnywhere.Credentials.Audit.Sessions;
using RolesAnywhere.Credentials.Authorization.Certificates;

namespace RolesAnywhere.Credentials.Audit;

/// <summary>
/// Reads every input as a stream, keeps the evidence the rules need (<see cref="EvidenceCollector"/>), links
/// sessions to certificates, and runs the rules. A malformed record is counted and named in the summary, never
/// fatal, and so is a record with bytes that are not UTF-8 (read with U+FFFD in their place). An input that cannot
/// be opened stops the run with <see cref="AuditInputException"/>; one that cannot be read to its end (truncated,
/// damaged .gz, empty, not CloudTrail) is read as far as it goes and then fails the run, naming each such input and
/// how far it got, unless <see cref="AuditOptions.AllowPartial"/>: "no findings" must never mean "not read".
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

        if (summary.Documents == 0)
        {
            summary.AddIncomplete(string.Join(' ', options.Inputs), "no document to read (an empty directory or S3 prefix?)", 0);
        }
        else if (summary.OtherDocuments == summary.Documents)
        {
            summary.AddIncomplete(string.Join(' ', options.Inputs), "no input holds CloudTrail records (a Records or Events array)", summary.Records);
        }

        if (summary.IncompleteCount > 0 && !options.AllowPartial)
        {
            throw new AuditInputException(
                $"{summary.IncompleteCount} input(s) could not be read completely, so the audit cannot tell whether they hold misuse:\n  " +
                string.Join("\n  ", summary.IncompleteInputs) +
                "\nFetch the logs again (a .gz that was still being written or copied ends early), give only CloudTrail log files " +
                "({\"Records\":[...]}, 'aws cloudtrail lookup-events' output, or a JSON array of records), or pass --allow-partial to report on what was read.");
        }

        var evidence = collector.Link();
        var findings = new List<Finding>();
        foreach (var rule in AuditRules.All)
        {
            findings.AddRange(rule.Evaluate(evidence, options));
        }

        for (var i = 0; i < findings.Count; i++)
        {
            findings[i] = WithLinkedCalls(findings[i], evidence);
        }

        findings.Sort((a, b) => a.EventTime != b.EventTime ? a.EventTime.CompareTo(b.EventTime) : string.CompareOrdinal(a.Rule, b.Rule));
        summary.SessionsIssued = evidence.Attempts.Count(a => a.Succeeded);
        summary.SessionsRefused = evidence.Refused.Total;
        summary.RefusedNotKept = evidence.Refused.NotKept;
        summary.RefusedFromUntrackedSources = evidence.Refused.FromUntrackedSources;
        summary.Certificates = evidence.CertificateUses.Select(u => u.Serial).Distinct().Count();
        summary.LinkedCalls = evidence.LinkedCalls;
        foreach (var attempt in evidence.Attempts)
        {
            var kind = SourceAddress.Classify(attempt.SourceIp);
            summary.CreateSessionSources[kind] = summary.CreateSessionSources.GetValueOrDefault(kind) + 1;
        }

        var timelines = evidence.Timelines.Values.Where(t => t.Events.Count > 0).OrderBy(t => t.Events[0].Time).ThenBy(t => t.Serial.ToString(), StringComparer.Ordinal).ToList();
        return new AuditResult { Findings = findings, Summary = summary, Options = options, Timelines = timelines };
    }

    /// <summary>A finding about a certificate carries the calls made with its credentials: what the responder reads next.</summary>
    private static Finding WithLinkedCalls(Finding finding, AuditEvidence evidence)
    {
        if (finding.SerialNumber is null || !CertificateSerialNumber.TryParse(finding.SerialNumber, out var serial) ||
            !evidence.Timelines.TryGetValue(serial, out var timeline))
        {
            return finding;
        }

        var calls = timeline.Events.Where(e => e.EventName != "CreateSession" || e.EventSource != CloudTrailRecordParser.RolesAnywhereSource).ToList();
        if (calls.Count == 0)
        {
            return finding;
        }

        return finding with
        {
            LinkedCalls = calls.Take(Finding.MaxLinkedCalls).ToList(),
            LinkedCallsNotListed = Math.Max(0, calls.Count - Finding.MaxLinkedCalls) + timeline.CallsNotListed,
        };
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

            byte[]? repaired = null;
            if (!Utf8.IsValid(json))
            {
                // Never fatal and never dropped: a record is read with U+FFFD in place of the bad bytes, so one stray
                // byte (in a user agent an attacker chose, say) cannot hide the record or stop the run.
                summary.InvalidUtf8Records++;
                summary.Note($"{source.Name}: record #{index}: bytes that are not UTF-8, read with U+FFFD in their place");
                repaired = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(json));
                json = repaired;
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
            // The document's JSON breaks off (a truncated .gz ends this way too): what was read counts; the input is
            // incomplete, which fails the run unless --allow-partial.
            summary.AddIncomplete(source.Name, e.Message, reader.Elements);
        }
        catch (InvalidDataException e)
        {
            summary.AddIncomplete(source.Name, $"cannot be decoded: {e.Message} (a damaged .gz file?)", reader.Elements);
        }
        catch (IOException e) when (reader.Started)
        {
            summary.AddIncomplete(source.Name, $"reading stopped: {e.Message}", reader.Elements);
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

        if (reader.Empty)
        {
            summary.AddIncomplete(source.Name, "the document is empty", 0);
        }
        else if (!reader.FoundRecords)
        {
            summary.OtherDocuments++;
        }
    }
}
