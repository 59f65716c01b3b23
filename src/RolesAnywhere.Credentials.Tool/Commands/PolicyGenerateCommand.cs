using RolesAnywhere.Credentials.Authorization.Identity;
using RolesAnywhere.Credentials.Authorization.Policies;
using RolesAnywhere.Credentials.Tool.Cli;
using RolesAnywhere.Credentials.Tool.Trust;

namespace RolesAnywhere.Credentials.Tool.Commands;

/// <summary>
/// <c>policy generate</c>: a least-privilege trust policy pinned to the trust anchor and to exact certificate attributes, either
/// read from a certificate (<c>--match</c>, default subject CN and issuer CN) or given (<c>--subject-cn</c>, …). It passes
/// <c>policy lint</c> with no finding.
/// </summary>
internal static class PolicyGenerateCommand
{
    private static readonly string[] DefaultMatch = ["x509Subject/CN", "x509Issuer/CN"];

    private static readonly (string Flag, string Tag)[] ValueFlags =
    [
        (Flags.SubjectCn, "x509Subject/CN"), (Flags.IssuerCn, "x509Issuer/CN"), (Flags.SanDns, "x509SAN/DNS"), (Flags.SanUri, "x509SAN/URI"),
    ];

    public static async Task<int> RunAsync(ParsedCommandLine parsed, ToolEnvironment environment, CancellationToken cancellationToken)
    {
        var anchor = parsed.Get(Flags.TrustAnchorArn);
        TrustInputs.RequireTrustAnchorArn(anchor, parsed.Command.Name);
        var given = ValueFlags.Where(f => parsed.Has(f.Flag)).Select(f => new KeyValuePair<string, string>(f.Tag, parsed.Get(f.Flag)!)).ToList();
        const string Example = "Example: rolesanywhere policy generate --trust-anchor-arn ARN --certificate client.pem [--match x509Subject/CN,x509Issuer/CN]";
        if (parsed.Has(Flags.Certificate) == given.Count > 0)
        {
            throw new UsageException(
                $"Give either --{Flags.Certificate} (with optional --{Flags.Match}) or the values (--{Flags.SubjectCn}, --{Flags.IssuerCn}, --{Flags.SanDns}, --{Flags.SanUri}), not both and not neither.",
                Example);
        }

        if (parsed.Has(Flags.Match) && !parsed.Has(Flags.Certificate))
        {
            throw new UsageException($"--{Flags.Match} picks attributes of --{Flags.Certificate}; give the certificate too.", Example);
        }

        var tags = given.Count > 0 ? given : FromCertificate(parsed);
        if (tags.Any(t => t.Value.Length == 0))
        {
            throw new UsageException("An attribute value is empty.", "Give the exact value the certificate holds.");
        }

        var policy = TrustPolicyGenerator.Generate(anchor!, tags);
        await ToolApplication.WriteAsync(environment.Stdout, policy, cancellationToken).ConfigureAwait(false);
        return ToolApplication.Success;
    }

    private static List<KeyValuePair<string, string>> FromCertificate(ParsedCommandLine parsed)
    {
        using var certificate = TrustInputs.Certificate(parsed);
        var identity = SessionIdentity.FromCertificate(certificate);
        var wanted = parsed.Get(Flags.Match) is { } match
            ? match.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : DefaultMatch;
        var tags = new List<KeyValuePair<string, string>>();
        foreach (var key in wanted.Select(k => k.StartsWith("aws:PrincipalTag/", StringComparison.OrdinalIgnoreCase) ? k["aws:PrincipalTag/".Length..] : k))
        {
            var found = identity.PrincipalTags.FirstOrDefault(t => string.Equals(t.Key, key, StringComparison.OrdinalIgnoreCase));
            if (found.Key is null)
            {
                throw new UsageException(
                    $"The certificate gives no principal tag '{key}' (under the default mapping).",
                    "Its tags: " + (identity.PrincipalTags.Count == 0 ? "none" : string.Join(", ", identity.PrincipalTags.Select(t => t.Key))) + $". Pick from these with --{Flags.Match}.");
            }

            if (tags.All(t => t.Key != found.Key))
            {
                tags.Add(found);
            }
        }

        return tags.Count > 0 ? tags : throw new UsageException($"--{Flags.Match} names no attribute.", "Example: --match x509Subject/CN,x509Issuer/CN");
    }
}
