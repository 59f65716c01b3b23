using System.Globalization;
using System.Text;
using System.Text.Json;
using RolesAnywhere.Credentials.Authorization.Identity;
using RolesAnywhere.Credentials.Authorization.Policies;
using RolesAnywhere.Credentials.Authorization.Text;
using RolesAnywhere.Credentials.Tool.Cli;
using RolesAnywhere.Credentials.Tool.Json;
using RolesAnywhere.Credentials.Tool.Trust;

namespace RolesAnywhere.Credentials.Tool.Commands;

/// <summary>
/// <c>policy evaluate</c>: would this certificate, through this trust anchor and mapping, be allowed to assume the role — and why
/// (the statement and condition that decided or failed). Exit 0 allowed, 1 denied, 2 wrong command line or input that cannot be
/// read, 3 cannot tell (the policy uses something the tool does not evaluate, or behaviour IAM does not document) — never 0 for
/// an answer the tool could not decide.
/// </summary>
internal static class PolicyEvaluateCommand
{
    public static async Task<int> RunAsync(ParsedCommandLine parsed, ToolEnvironment environment, CancellationToken cancellationToken)
    {
        var json = TrustInputs.Json(parsed);
        var anchor = parsed.Get(Flags.TrustAnchorArn);
        TrustInputs.RequireTrustAnchorArn(anchor, parsed.Command.Name);
        var policyPath = parsed.Get(Flags.Policy)
            ?? throw new UsageException($"--{Flags.Policy} is required.", "Example: rolesanywhere policy evaluate --policy trust.json --certificate client.pem --trust-anchor-arn ARN");
        var policy = TrustInputs.Policy(policyPath, "--" + Flags.Policy);
        var mapping = TrustInputs.Mapping(parsed);
        using var certificate = TrustInputs.Certificate(parsed);
        var identity = SessionIdentity.FromCertificate(certificate, mapping);
        var result = policy.Evaluate(new AuthorizationRequest(identity, anchor!));

        var output = new EvaluateOutput
        {
            Decision = ProblemLevel.Of(result.Decision),
            Allowed = result.IsAllowed,
            Statement = result.DecidingStatement?.Name.Trim('\''),
            Explanation = result.Explanation,
            Actions = result.Actions.Select(a => new ActionOutput
            {
                Action = a.Action,
                Decision = ProblemLevel.Of(a.Decision),
                Statement = a.DecidingStatement?.Name.Trim('\''),
                Explanation = a.Explanation,
            }).ToList(),
            Unsupported = result.Unsupported.ToList(),
            PrincipalTags = identity.PrincipalTags.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal),
        };
        var bytes = json ? JsonSerializer.SerializeToUtf8Bytes(output, TrustJsonContext.Readable.EvaluateOutput) : Encoding.UTF8.GetBytes(Text(result));
        await environment.Stdout.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        await environment.Stdout.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        await environment.Stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
        return result.Decision switch
        {
            PolicyDecision.Allowed => ToolApplication.Success,
            PolicyDecision.Unsupported => ToolApplication.CannotTell,
            _ => ToolApplication.Failure,
        };
    }

    private static string Text(PolicyEvaluation result)
    {
        var text = new StringBuilder();
        text.Append(result.Decision switch
        {
            PolicyDecision.Allowed => "ALLOWED",
            PolicyDecision.ExplicitDeny => "DENIED (explicit deny)",
            PolicyDecision.ImplicitDeny => "DENIED (no statement allows it)",
            _ => "CANNOT TELL (the policy uses something this tool does not evaluate, or behaviour IAM does not document; it does not guess)",
        }).Append('\n');
        if (result.DecidingStatement is { } statement)
        {
            text.Append(CultureInfo.InvariantCulture, $"Statement: {TerminalText.Escape(statement.Name)}\n");
        }

        // The explanation quotes the policy's values and the certificate's attributes: untrusted text.
        text.Append(CultureInfo.InvariantCulture, $"Why: {TerminalText.Escape(result.Explanation)}\n");
        foreach (var action in result.Actions)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {action.Action}: {ProblemLevel.Of(action.Decision)}\n");
        }

        return text.ToString().TrimEnd('\n');
    }
}
