using RolesAnywhere.Credentials.Audit;
using RolesAnywhere.Credentials.Audit.Output;
using RolesAnywhere.Credentials.Authorization.Text;
using RolesAnywhere.Credentials.Tool.Audit;
using RolesAnywhere.Credentials.Tool.Cli;

namespace RolesAnywhere.Credentials.Tool.Commands;

/// <summary>
/// <c>audit INPUT…</c>: reads CloudTrail logs and reports Roles Anywhere misuse (docs/detection.md). Exit 0 when no
/// finding is at or above <c>--fail-on</c> (default medium), 1 when there is one, 2 for a wrong command line or an
/// input that cannot be read (named on stderr).
/// </summary>
internal static class AuditCommand
{
    public static async Task<int> RunAsync(ParsedCommandLine parsed, ToolEnvironment environment, CancellationToken cancellationToken)
    {
        var arguments = AuditArguments.From(parsed, environment.Time);
        var progress = environment.StderrIsTerminal ? new TerminalProgress(environment.Stderr, environment.Time) : null;
        AuditResult result;
        try
        {
            result = await AuditRunner.RunAsync(arguments.Options, environment.Stdin, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (AuditInputException e)
        {
            progress?.Clear();
            await environment.Stderr.WriteLineAsync($"rolesanywhere: {TerminalText.EscapeLines(e.Message)}").ConfigureAwait(false);
            return ToolApplication.UsageError;
        }

        progress?.Clear();
        if (arguments.Timeline)
        {
            if (arguments.Format == ReportFormat.Json)
            {
                await TimelineReport.WriteJsonAsync(result, environment.Stdout, cancellationToken).ConfigureAwait(false);
                await WriteSummaryLineAsync(result, environment.Stderr).ConfigureAwait(false);
            }
            else
            {
                await TimelineReport.WriteTextAsync(result, environment.Stdout, cancellationToken).ConfigureAwait(false);
            }

            return result.HasFindingsAtOrAbove(arguments.FailOn) ? ToolApplication.Failure : ToolApplication.Success;
        }

        switch (arguments.Format)
        {
            case ReportFormat.Json:
                await JsonLinesReport.WriteAsync(result, environment.Stdout, cancellationToken).ConfigureAwait(false);
                await WriteSummaryLineAsync(result, environment.Stderr).ConfigureAwait(false);
                break;
            case ReportFormat.Sarif:
                await SarifReport.WriteAsync(result, environment.Stdout, VersionCommand.Version, cancellationToken).ConfigureAwait(false);
                await WriteSummaryLineAsync(result, environment.Stderr).ConfigureAwait(false);
                break;
            default:
                await TextReport.WriteAsync(result, environment.Stdout, cancellationToken).ConfigureAwait(false);
                break;
        }

        return result.HasFindingsAtOrAbove(arguments.FailOn) ? ToolApplication.Failure : ToolApplication.Success;
    }

    private static Task WriteSummaryLineAsync(AuditResult result, TextWriter stderr)
    {
        var s = result.Summary;
        return stderr.WriteLineAsync(TerminalText.Escape(
            $"rolesanywhere audit: {s.Documents} document(s), {s.Records} record(s), {s.Malformed} malformed, {result.Findings.Count} finding(s)" +
            (s.RefusedNotKept > 0 ? $"; {s.RefusedNotKept} of {s.SessionsRefused} refused CreateSession calls counted but not examined (memory bound)" : string.Empty) +
            (s.InvalidUtf8Records > 0 ? $"; {s.InvalidUtf8Records} record(s) with bytes that are not UTF-8" : string.Empty) +
            (s.IncompleteCount > 0 ? $"; PARTIAL: {s.IncompleteCount} input(s) not read to the end, first: {s.IncompleteInputs[0]}" : string.Empty) +
            (s.Problems.Count > 0 ? $"; first malformed: {s.Problems[0]}" : string.Empty)));
    }
}
