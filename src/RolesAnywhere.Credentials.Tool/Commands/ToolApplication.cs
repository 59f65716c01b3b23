using System.Security.Cryptography;
using RolesAnywhere.Credentials.Authorization.Text;
using RolesAnywhere.Credentials.Tool.Cli;
using RolesAnywhere.Credentials.Tool.Keys;

namespace RolesAnywhere.Credentials.Tool.Commands;

/// <summary>Parses the command line, runs the command, and turns every failure into a message on stderr and an exit code.</summary>
internal static class ToolApplication
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    /// <summary>The judging commands' "cannot tell": the input uses something the tool does not evaluate, or behaviour AWS does not document.</summary>
    public const int CannotTell = 3;

    /// <summary>
    /// The commands that judge (inspect, policy evaluate/lint/generate): for them an input that cannot be read is exit 2, like a
    /// wrong command line, never 1 — 1 is their verdict ("would be refused", "denied", "findings").
    /// </summary>
    private static readonly string[] Judging = [CommandDefinitions.Inspect, CommandDefinitions.PolicyEvaluate, CommandDefinitions.PolicyLint, CommandDefinitions.PolicyGenerate];

    public static async Task<int> RunAsync(IReadOnlyList<string> args, ToolEnvironment environment, CancellationToken cancellationToken)
    {
        string? command = null;
        try
        {
            var result = ToolCommandLine.Parse(args);
            if (ToolCommandLine.IsBuiltIn(result))
            {
                return await ToolCommandLine.InvokeBuiltInAsync(result, environment, cancellationToken).ConfigureAwait(false);
            }

            var parsed = ParsedCommandLine.From(result);
            command = parsed.Command.Name;
            return parsed.Command.Name switch
            {
                CommandDefinitions.CredentialProcess => await CredentialProcessCommand.RunAsync(SessionArguments.From(parsed), environment, cancellationToken).ConfigureAwait(false),
                CommandDefinitions.Serve => await ServeCommand.RunAsync(SessionArguments.From(parsed), environment, cancellationToken).ConfigureAwait(false),
                CommandDefinitions.Update => await UpdateCommand.RunAsync(SessionArguments.From(parsed), environment, cancellationToken).ConfigureAwait(false),
                CommandDefinitions.SignString => await SignStringCommand.RunAsync(parsed, environment, cancellationToken).ConfigureAwait(false),
                CommandDefinitions.ReadCertificateData => await ReadCertificateDataCommand.RunAsync(parsed, environment, cancellationToken).ConfigureAwait(false),
                CommandDefinitions.Audit => await AuditCommand.RunAsync(parsed, environment, cancellationToken).ConfigureAwait(false),
                CommandDefinitions.Inspect => await InspectCommand.RunAsync(parsed, environment, cancellationToken).ConfigureAwait(false),
                CommandDefinitions.PolicyGenerate => await PolicyGenerateCommand.RunAsync(parsed, environment, cancellationToken).ConfigureAwait(false),
                CommandDefinitions.PolicyEvaluate => await PolicyEvaluateCommand.RunAsync(parsed, environment, cancellationToken).ConfigureAwait(false),
                CommandDefinitions.PolicyLint => await PolicyLintCommand.RunAsync(parsed, environment, cancellationToken).ConfigureAwait(false),
                CommandDefinitions.Renew => await RenewCommand.RunAsync(parsed, environment, cancellationToken).ConfigureAwait(false),
                CommandDefinitions.Help => await HelpCommand.RunAsync(parsed, environment, cancellationToken).ConfigureAwait(false),
                CommandDefinitions.Completion => await CompletionCommand.RunAsync(parsed, environment, cancellationToken).ConfigureAwait(false),
                _ => await VersionCommand.RunAsync(environment, cancellationToken).ConfigureAwait(false),
            };
        }
        catch (UsageException e)
        {
            await environment.Stderr.WriteLineAsync($"rolesanywhere: {TerminalText.EscapeLines(e.Message)}\nhint: {TerminalText.EscapeLines(e.Hint)}").ConfigureAwait(false);
            return UsageError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Success;
        }
        catch (Exception e) when (e is RolesAnywhereException or Update.CredentialsFileException or IOException or UnauthorizedAccessException or TimeoutException or CryptographicException or HttpRequestException)
        {
            // The library's messages speak of its options; where a token is involved, name the flags that set them.
            var hint = e is RolesAnywhereConfigurationException ? Pkcs11Support.HintFor(args) : null;
            var message = e is RolesAnywhereException ? LibraryTerms.Describe(e) : e.Message;
            await environment.Stderr.WriteLineAsync($"rolesanywhere: {TerminalText.EscapeLines(message)}" + (hint is null ? string.Empty : "\nhint: " + TerminalText.EscapeLines(hint))).ConfigureAwait(false);
            return Judging.Contains(command, StringComparer.Ordinal) ? UsageError : Failure;
        }
    }

    public static async Task WriteAsync(Stream stdout, string text, CancellationToken cancellationToken)
    {
        await stdout.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text), cancellationToken).ConfigureAwait(false);
        await stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
