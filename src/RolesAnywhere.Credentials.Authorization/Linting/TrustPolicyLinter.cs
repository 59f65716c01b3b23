using RolesAnywhere.Credentials.Authorization.Identity;
using RolesAnywhere.Credentials.Authorization.Policies;

namespace RolesAnywhere.Credentials.Authorization.Linting;

/// <summary>Checks a trust policy against <see cref="LintRules"/>.</summary>
public static class TrustPolicyLinter
{
    /// <summary>Lints a trust policy.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="mapping">The attribute mapping of the profile the role is used with, or <see langword="null"/> for the default mapping.</param>
    /// <returns>The findings, most severe first, then by statement.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<LintFinding> Lint(TrustPolicy policy, AttributeMapping? mapping = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        mapping ??= AttributeMapping.Default;
        var findings = new List<LintFinding>();
        var trusting = policy.Statements
            .Where(s => s.Effect == PolicyEffect.Allow && s.Principal.Matches(RolesAnywhereTrust.ServicePrincipal) != Truth.False)
            .ToArray();

        foreach (var action in RolesAnywhereTrust.RequiredActions)
        {
            if (!trusting.Any(s => ActionMatcher.Covers(s, action)))
            {
                findings.Add(new LintFinding(LintRules.MissingRequiredAction,
                    $"No Allow statement gives {RolesAnywhereTrust.ServicePrincipal} {action}; every CreateSession will be refused.",
                    $"Add \"{action}\" to the Action list of the statement that trusts {RolesAnywhereTrust.ServicePrincipal}.", null));
            }
        }

        foreach (var statement in policy.Statements)
        {
            if (statement.Principal.IsNotPrincipal)
            {
                findings.Add(new LintFinding(LintRules.Unsupported, $"{statement.Name} uses NotPrincipal.", "Name the principal with Principal: {\"Service\": \"rolesanywhere.amazonaws.com\"}.", statement.Name));
            }
            else if (statement.Principal.Matches(RolesAnywhereTrust.ServicePrincipal) == Truth.Unknown)
            {
                findings.Add(new LintFinding(LintRules.Unsupported,
                    $"{statement.Name} names the service principal in another letter case; IAM does not document whether principal names ignore case.",
                    $"Write \"{RolesAnywhereTrust.ServicePrincipal}\" exactly.", statement.Name));
            }

            foreach (var condition in statement.Conditions)
            {
                CheckCondition(statement, condition, mapping, policy.Version == PolicyVariables.CurrentVersion, findings);
            }
        }

        foreach (var statement in trusting.Where(s => ActionMatcher.Covers(s, RolesAnywhereTrust.AssumeRole)))
        {
            CheckTrustStatement(statement, findings);
        }

        return findings.OrderByDescending(f => f.Severity).ThenBy(f => f.RuleId, StringComparer.Ordinal).ToArray();
    }

    private static void CheckTrustStatement(PolicyStatement statement, List<LintFinding> findings)
    {
        if (statement.Principal.Everyone)
        {
            findings.Add(new LintFinding(LintRules.BroadPrincipal,
                $"{statement.Name} trusts every principal (\"*\"), not only {RolesAnywhereTrust.ServicePrincipal}.",
                $"Use \"Principal\": {{\"Service\": \"{RolesAnywhereTrust.ServicePrincipal}\"}}.", statement.Name));
        }

        var restricting = statement.Conditions.Where(c => c.Parsed.IsSupported && !c.Parsed.Negated && !c.Parsed.IfExists && c.Parsed.Kind != OperatorKind.Null).ToArray();
        var pinned = restricting.Any(c =>
            string.Equals(c.Key, RequestContext.SourceArn, StringComparison.OrdinalIgnoreCase)
            && c.Parsed.Qualifier != SetQualifier.ForAllValues
            && c.Values.All(v => v.Contains(":trust-anchor/", StringComparison.Ordinal) && !v.EndsWith(":trust-anchor/*", StringComparison.Ordinal)));
        if (!pinned)
        {
            findings.Add(new LintFinding(LintRules.NoTrustAnchorPin,
                $"{statement.Name} does not pin aws:SourceArn to a trust anchor: a certificate from any trust anchor in the account can assume the role.",
                "Add \"ArnEquals\": {\"aws:SourceArn\": \"arn:aws:rolesanywhere:REGION:ACCOUNT:trust-anchor/TA_ID\"} to its Condition.", statement.Name));
        }

        var attributeConditions = restricting.Where(c => IsCertificateAttribute(c.Key)).ToArray();
        if (attributeConditions.Length == 0)
        {
            findings.Add(new LintFinding(LintRules.NoCertificateCondition,
                $"{statement.Name} has no condition on the certificate: every certificate its trust anchor's CA issued can assume the role.",
                "Add for example \"StringEquals\": {\"aws:PrincipalTag/x509Subject/CN\": \"my-workload\"} (rolesanywhere policy generate writes one from a certificate).", statement.Name));
        }
        else if (attributeConditions.All(c => c.Parsed.Like && c.Values.All(v => !v.Contains("${", StringComparison.Ordinal) && WildcardPattern.Plain(v).IsOnlyWildcards)))
        {
            findings.Add(new LintFinding(LintRules.WildcardOnlyCondition,
                $"{statement.Name}: every certificate-attribute condition matches any value ({string.Join("; ", attributeConditions.Select(c => c.ToString()))}).",
                "Match the real value with StringEquals, or at least a fixed part of it (\"StringLike\": {\"aws:PrincipalTag/x509Subject/CN\": \"db-*.example.com\"}).", statement.Name));
        }
    }

    private static void CheckCondition(PolicyStatement statement, PolicyCondition condition, AttributeMapping mapping, bool variablesEnabled, List<LintFinding> findings)
    {
        var op = condition.Parsed;
        if (!op.IsSupported)
        {
            findings.Add(new LintFinding(LintRules.Unsupported, $"{statement.Name}: {op.UnsupportedReason}", "Use the String*/Arn*/Null operators, or check this statement with the IAM policy simulator.", statement.Name));
            return;
        }

        if (variablesEnabled && condition.Values.FirstOrDefault(v => v.Contains("${*}", StringComparison.Ordinal) || v.Contains("${?}", StringComparison.Ordinal)) is { } escaped)
        {
            var effect = op.Negated
                ? statement.Effect == PolicyEffect.Allow ? "always holds, so it restricts nothing" : "always holds, so the Deny applies to every request its other conditions let through"
                : statement.Effect == PolicyEffect.Allow ? "matches no real value, so this Allow never applies" : "matches no real value, so this Deny denies nobody";
            findings.Add(new LintFinding(LintRules.LiteralWildcardEscape,
                $"{statement.Name}: {condition}: '{escaped}' holds an escaped wildcard, which IAM reads as a literal character; the condition {effect}.",
                $"Write * or ? (not ${{*}} or ${{?}}) for a wildcard{(op.Like ? string.Empty : $", and use {(op.Kind == OperatorKind.Arn ? "ArnLike" : "StringLike")}")}.", statement.Name));
        }

        if (op.Kind == OperatorKind.Arn && condition.Values.FirstOrDefault(v => v.Count(c => c == ':') < 5) is { } shortArn)
        {
            findings.Add(new LintFinding(LintRules.Unsupported,
                $"{statement.Name}: {condition}: '{shortArn}' is not six colon-separated parts; how the ARN operators compare it is not documented.",
                "Write the whole ARN pattern (arn:aws:rolesanywhere:REGION:ACCOUNT:trust-anchor/ID, with * where a part may vary), or use StringLike.", statement.Name));
        }

        if (variablesEnabled && UnresolvableVariable(condition) is { } variable)
        {
            findings.Add(new LintFinding(LintRules.Unsupported,
                $"{statement.Name}: {condition}: the policy variable ${{{variable}}} names a key this tool does not know for Roles Anywhere or one that may be absent without a default.",
                $"Give it a default (${{{variable}, 'value'}}) or use a key Roles Anywhere supplies.", statement.Name));
        }

        if (!RequestContext.IsKnownKey(condition.Key))
        {
            findings.Add(new LintFinding(LintRules.Unsupported,
                $"{statement.Name}: the key '{condition.Key}' is not one this tool can evaluate for Roles Anywhere.",
                "Check this condition with the IAM policy simulator; Roles Anywhere supplies aws:SourceArn, aws:SourceAccount, aws:PrincipalTag/x509…, sts:SourceIdentity.", statement.Name));
            return;
        }

        if (op.Like && condition.Values.Any(v => !v.Contains('*', StringComparison.Ordinal) && !v.Contains('?', StringComparison.Ordinal) && !v.Contains("${", StringComparison.Ordinal)))
        {
            var equals = op.Kind == OperatorKind.Arn ? "ArnEquals" : "StringEquals";
            findings.Add(new LintFinding(LintRules.LikeWithoutWildcard,
                $"{statement.Name}: {condition} has a value without a wildcard.",
                $"Write {(op.Negated ? equals.Replace("Equals", "NotEquals", StringComparison.Ordinal) : equals)} for exact values.", statement.Name));
        }

        if (RequestContext.TagKeyOf(condition.Key) is not { } tagKey || mapping.CanProduce(tagKey))
        {
            return;
        }

        var producedHint = $"The mapping {(mapping.IsDefault ? "(the default)" : "of the profile")} never produces the tag '{tagKey}'";
        var alwaysTrueInAllow = op.Negated || op.IfExists || (op.Kind == OperatorKind.Null && condition.Values.Contains("true")) || op.Qualifier == SetQualifier.ForAllValues;
        if (statement.Effect == PolicyEffect.Allow && !alwaysTrueInAllow)
        {
            findings.Add(new LintFinding(LintRules.UnmappedTagInAllow,
                $"{statement.Name}: {condition} can never match. {producedHint}, so this Allow never applies.",
                FixFor(tagKey), statement.Name));
        }
        else if (statement.Effect == PolicyEffect.Allow || !alwaysTrueInAllow)
        {
            findings.Add(new LintFinding(LintRules.UnmappedTagNeverRestricts,
                $"{statement.Name}: {condition} {(statement.Effect == PolicyEffect.Allow ? "is always true" : "never applies, so the Deny denies nobody")}. {producedHint}.",
                FixFor(tagKey), statement.Name));
        }
    }

    /// <summary>A variable (not an escape) whose key the model cannot resolve in every request, or that has no default where the key may be absent.</summary>
    private static string? UnresolvableVariable(PolicyCondition condition)
    {
        foreach (var value in condition.Values)
        {
            foreach (var (body, isReference) in PolicyVariables.Split(value))
            {
                if (!isReference || PolicyVariables.IsEscape(body))
                {
                    continue;
                }

                var (name, fallback) = PolicyVariables.SplitDefault(body);
                var always = string.Equals(name, RequestContext.SourceArn, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(name, RequestContext.SourceAccount, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(name, RequestContext.RoleSessionName, StringComparison.OrdinalIgnoreCase);
                if (!RequestContext.IsKnownKey(name) || string.Equals(name, RequestContext.TagKeys, StringComparison.OrdinalIgnoreCase) || (!always && fallback is null))
                {
                    return name;
                }
            }
        }

        return null;
    }

    private static string FixFor(string tagKey)
    {
        var parts = tagKey.Split('/');
        return parts.Length >= 2 && parts[0] is "x509Subject" or "x509Issuer" or "x509SAN"
            ? $"Add a mapping rule for it (aws rolesanywhere put-attribute-mapping --certificate-field {parts[0]} --mapping-rules specifier={string.Join('/', parts[1..])}), if it is a supported attribute, or condition on a tag the mapping produces."
            : "Roles Anywhere only produces tags named x509Subject/…, x509Issuer/… and x509SAN/…; condition on one of those.";
    }

    private static bool IsCertificateAttribute(string key) =>
        RequestContext.TagKeyOf(key) is { } tag ? tag.StartsWith("x509", StringComparison.OrdinalIgnoreCase)
        : string.Equals(key, RequestContext.SourceIdentity, StringComparison.OrdinalIgnoreCase) || string.Equals(key, RequestContext.RoleSessionName, StringComparison.OrdinalIgnoreCase);
}
