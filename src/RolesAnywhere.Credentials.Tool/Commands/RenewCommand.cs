using RolesAnywhere.Credentials.Renewal;
using RolesAnywhere.Credentials.Tool.Cli;
using RolesAnywhere.Credentials.Tool.Renewal;

namespace RolesAnywhere.Credentials.Tool.Commands;

/// <summary>
/// <c>renew</c>: renews the certificate and key files when due (or with <c>--force</c>) and prints one line,
/// <c>renewed: serial A -> B, valid until T</c> or <c>not due until T</c> (exit 0); a failed renewal names the step and
/// the check that failed and leaves the files as they were (exit 1). Made for cron jobs and systemd timers.
/// </summary>
internal static class RenewCommand
{
    /// <summary>The renewer's log events <c>renew</c> writes on stderr: what it does not print itself.</summary>
    private static readonly IReadOnlySet<string> LoggedEvents = new HashSet<string>(StringComparer.Ordinal) { "IssuerCommandStarting", "CertificateSwapRecovered", "RenewalKeyModeNarrowed" };

    public static async Task<int> RunAsync(ParsedCommandLine parsed, ToolEnvironment environment, CancellationToken cancellationToken)
    {
        using var arguments = RenewArguments.From(parsed);
        var renewer = arguments.CreateRenewer(CommandDefinitions.Renew, environment.Time, new StderrRenewalLogger(environment.Stderr, environment.Time, LoggedEvents));

        CertificateRenewalResult result;
        try
        {
            result = arguments.Force
                ? await renewer.RenewNowAsync(cancellationToken).ConfigureAwait(false)
                : await renewer.RenewIfDueAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CertificateRenewalException e)
        {
            await environment.Stderr.WriteLineAsync($"rolesanywhere: renewal failed ({e.Stage}): {LibraryTerms.ToFlags(e.Message)}").ConfigureAwait(false);
            return ToolApplication.Failure;
        }

        foreach (var change in result.Changes)
        {
            await environment.Stderr.WriteLineAsync($"rolesanywhere: note: {LibraryTerms.ToFlags(change)}").ConfigureAwait(false);
        }

        await ToolApplication.WriteAsync(environment.Stdout, result + "\n", cancellationToken).ConfigureAwait(false);
        return ToolApplication.Success;
    }
}
