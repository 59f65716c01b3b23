using System.Globalization;
using System.Text;
using System.Text.Json;
using RolesAnywhere.Credentials.Authorization.Linting;
using RolesAnywhere.Credentials.Tool.Cli;
using RolesAnywhere.Credentials.Tool.Json;
using RolesAnywhere.Credentials.Tool.Trust;

using RolesAnywhere.Credentials.Authorization.Text;

namespace RolesAnywhere.Credentials.Tool.Commands;

/// <summary>
/// <c>policy lint FILE…</c>: the lint rules over trust policies (bare documents or <c>aws iam get-role</c> output), under the
/// profile's mapping. Exit 1 when a finding is at or above <c>--fail-on</c> (default medium), else 0; 2 for unreadable input.
/// </summary>
internal static class PolicyLintCommand
{
    public static async Task<int> RunAsync(ParsedCommandLine parsed, ToolEnvironment environment, CancellationToken cancellationToken)
    {
        var json = TrustInputs.Json(parsed);
        var failOnText = parsed.Get(Flags.FailOn) ?? "medium";
        var failOn = ProblemLevel.ParseLint(failOnText)
            ?? throw new UsageException($"--{Flags.FailOn} '{failOnText}' is not one of low, medium, high, error.", $"Write --{Flags.FailOn} high, for example.");
        if (parsed.Operands.Count == 0)
        {
            throw new UsageException("Name at least one trust policy file.", "Example: rolesanywhere policy lint trust.json  (or: aws iam get-role --role-name NAME > role.json; rolesanywhere policy lint role.json)");
        }

        var mapping = TrustInputs.Mapping(parsed);
        var findings = new List<LintFindingOutput>();
        foreach (var file in parsed.Operands)
        {
            var policy = TrustInputs.Policy(file, "policy file");
            findings.AddRange(TrustPolicyLinter.Lint(policy, mapping).Select(f => new LintFindingOutput
            {
                Rule = f.RuleId,
                Severity = ProblemLevel.Of(f.Severity),
                Message = f.Message,
                Statement = f.Statement,
                Fix = f.Fix,
                File = file,
            }));
        }

        var bytes = json ? JsonSerializer.SerializeToUtf8Bytes(findings, TrustJsonContext.Readable.ListLintFindingOutput) : Encoding.UTF8.GetBytes(Text(findings, parsed.Operands.Count));
        await environment.Stdout.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        await environment.Stdout.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        await environment.Stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
        return findings.Any(f => ProblemLevel.ParseLint(f.Severity) >= failOn) ? ToolApplication.Failure : ToolApplication.Success;
    }

    private static string Text(List<LintFindingOutput> findings, int files)
    {
        if (findings.Count == 0)
        {
            return files == 1 ? "No findings." : $"No findings in {files} files.";
        }

        var text = new StringBuilder();
        foreach (var finding in findings)
        {
            text.Append(CultureInfo.InvariantCulture, $"{TerminalText.Escape(finding.File)}: {finding.Rule} {finding.Severity}{(finding.Statement is null ? string.Empty : " " + TerminalText.Escape(finding.Statement))}: {TerminalText.Escape(finding.Message)}\n  fix: {TerminalText.Escape(finding.Fix)}\n");
        }

        return text.ToString().TrimEnd('\n');
    }
}
