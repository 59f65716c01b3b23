using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using RolesAnywhere.Credentials.Authorization.Identity;
using RolesAnywhere.Credentials.Authorization.Policies;
using RolesAnywhere.Credentials.Authorization.Tests.Support;
using RolesAnywhere.Credentials.TestSupport;

namespace RolesAnywhere.Credentials.Authorization.Tests.Differential;

/// <summary>
/// The evaluator against an independent one over generated (certificate, trust policy, trust anchor) cases: wherever this
/// tool gives a definite answer for an action, the oracle must give the same one (allowed, explicitly denied, implicitly
/// denied). "Cannot tell" answers are counted by reason, not compared. A fixed seed and 5 000 cases in CI; a longer run:
/// <c>ROLESANYWHERE_ORACLE_CASES=100000 ROLESANYWHERE_ORACLE_SEED=7 dotnet test --filter IamSimulateDifferential</c>.
/// Disagreements the IAM documentation settles against the oracle are listed in docs/authorization.md and in
/// the report, never silently skipped.
/// </summary>
public sealed class IamSimulateDifferentialTests(ITestOutputHelper output)
{
    private const int DefaultCases = 5000;
    private const int DefaultSeed = 20261208;

    [Fact]
    public async Task Evaluate_AgreesWithIndependentIamEvaluator_OnGeneratedCases()
    {
        Requirement.That(IamSimulateOracle.Missing() is null, IamSimulateOracle.Missing() ?? string.Empty);
        var cases = Setting("ROLESANYWHERE_ORACLE_CASES", DefaultCases);
        var seed = Setting("ROLESANYWHERE_ORACLE_SEED", DefaultSeed);

        using var root = TestCertificates.Root("CN=Differential Root, O=Example");
        var subjects = PolicyCaseGenerator.Subjects(root);
        var identities = subjects.ToDictionary(s => s.Certificate, s => SessionIdentity.FromCertificate(s.Certificate));
        var generator = new PolicyCaseGenerator(seed, subjects);

        var requests = new List<JsonObject>();
        var ours = new Dictionary<int, (PolicyCase Case, ActionEvaluation Action)>();
        var cannotTell = new Dictionary<string, int>(StringComparer.Ordinal);
        var refusedByParser = 0;
        var notComparable = 0;
        for (var i = 0; i < cases; i++)
        {
            var generated = generator.Next(i);
            TrustPolicy policy;
            try
            {
                policy = TrustPolicy.Parse(generated.Policy.ToJsonString());
            }
            catch (AuthorizationDocumentException)
            {
                refusedByParser++;
                continue;
            }

            // IAM reads ${…} as literal text in a 2008-10-17 policy (reference_policies_variables.html: variables need Version
            // 2012-10-17); the oracle resolves them whatever the version, so such cases say nothing about either evaluator.
            if ((string?)generated.Policy["Version"] == "2008-10-17" && generated.Policy.ToJsonString().Contains("${", StringComparison.Ordinal))
            {
                notComparable++;
                continue;
            }

            var identity = identities[generated.Certificate];
            var evaluation = policy.Evaluate(new AuthorizationRequest(identity, generated.TrustAnchorArn));
            foreach (var action in evaluation.Actions)
            {
                if (action.Decision == PolicyDecision.Unsupported)
                {
                    var reason = Category(action.Explanation);
                    cannotTell[reason] = cannotTell.GetValueOrDefault(reason) + 1;
                    continue;
                }

                var id = requests.Count;
                ours[id] = (generated, action);
                requests.Add(new JsonObject
                {
                    ["id"] = id,
                    ["policy"] = ForOracle(generated.Policy),
                    ["action"] = action.Action,
                    ["account"] = PolicyCaseGenerator.Account,
                    ["role"] = PolicyCaseGenerator.RoleArn,
                    ["context"] = Context(identity, generated.TrustAnchorArn),
                });
            }
        }

        var answers = await IamSimulateOracle.EvaluateAsync(requests, TestContext.Current.CancellationToken);

        var agree = new Dictionary<string, int>(StringComparer.Ordinal);
        var falseAllows = new List<string>();
        var falseDenies = new List<string>();
        var denyKind = new List<string>();
        var oracleErrors = new List<string>();
        foreach (var (id, (generated, action)) in ours)
        {
            var (result, detail) = answers[id];
            var mine = action.Decision switch
            {
                PolicyDecision.Allowed => "Allowed",
                PolicyDecision.ExplicitDeny => "ExplicitlyDenied",
                _ => "ImplicitlyDenied",
            };
            var line = $"case {generated.Id} {action.Action}: ours {mine}, oracle {result}; {action.Explanation}\n  {generated.Policy.ToJsonString()}\n  subject {generated.Certificate.Subject}, anchor {generated.TrustAnchorArn}";
            if (result == "error")
            {
                oracleErrors.Add(line + "\n  oracle: " + detail);
            }
            else if (result == mine)
            {
                agree[mine] = agree.GetValueOrDefault(mine) + 1;
            }
            else if (mine == "Allowed")
            {
                falseAllows.Add(line);
            }
            else if (result == "Allowed")
            {
                falseDenies.Add(line);
            }
            else
            {
                denyKind.Add(line);
            }
        }

        var report = new StringBuilder();
        report.Append(CultureInfo.InvariantCulture, $"seed {seed}, {cases} cases ({refusedByParser} refused by the parser, {notComparable} 2008-10-17 policies with ${{…}} not comparable), {requests.Count} action decisions compared\n");
        foreach (var (kind, count) in agree.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            report.Append(CultureInfo.InvariantCulture, $"  agree {kind}: {count}\n");
        }

        foreach (var (reason, count) in cannotTell.OrderByDescending(p => p.Value))
        {
            report.Append(CultureInfo.InvariantCulture, $"  cannot tell ({reason}): {count}\n");
        }

        report.Append(CultureInfo.InvariantCulture, $"  false allows: {falseAllows.Count}, false denies: {falseDenies.Count}, explicit/implicit differ: {denyKind.Count}, oracle errors: {oracleErrors.Count}\n");
        var summary = report.ToString();
        foreach (var line in falseAllows.Concat(falseDenies).Concat(denyKind).Concat(oracleErrors))
        {
            report.Append(line).Append('\n');
        }

        output.WriteLine(summary);
        if (Environment.GetEnvironmentVariable("ROLESANYWHERE_ORACLE_REPORT") is { Length: > 0 } reportPath)
        {
            await File.WriteAllTextAsync(reportPath, report.ToString(), TestContext.Current.CancellationToken);
        }

        report.Length = Math.Min(report.Length, summary.Length + 6000);

        Assert.True(falseAllows.Count == 0 && falseDenies.Count == 0 && denyKind.Count == 0, report.ToString());
        Assert.True(oracleErrors.Count * 100 <= requests.Count, "the oracle refused more than 1 % of the requests:\n" + report);
        Assert.True(requests.Count >= cases, $"fewer definite answers ({requests.Count}) than cases ({cases}): the generator no longer exercises the evaluator.\n{report}");
        Assert.True(agree.GetValueOrDefault("Allowed") * 20 >= requests.Count, "allows are under 5 % of the compared answers: the generator no longer exercises the allow paths.\n" + report);
    }

    /// <summary>
    /// The policy as the oracle is given it. The oracle resolves the escapes ${*}, ${?} and ${$} only for the Like and ARN
    /// operators; IAM resolves them "in any string where you can use regular policy variables"
    /// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-specialchars), the
    /// string equality operators included, where * ? and $ are plain characters anyway. So in the values of StringEquals,
    /// StringNotEquals and their IgnoreCase forms the escapes are replaced by the characters they stand for, which IAM reads
    /// identically (docs/authorization.md, "The oracle").
    /// </summary>
    private static JsonObject ForOracle(JsonObject policy)
    {
        var copy = (JsonObject)policy.DeepClone();
        if ((string?)copy["Version"] != "2012-10-17")
        {
            return copy;
        }

        foreach (var statement in copy["Statement"]!.AsArray())
        {
            if (statement!["Condition"] is not JsonObject condition)
            {
                continue;
            }

            foreach (var (op, entries) in condition)
            {
                var baseName = op[(op.IndexOf(':', StringComparison.Ordinal) + 1)..].Replace("IfExists", string.Empty, StringComparison.Ordinal);
                if (baseName is not ("StringEquals" or "StringNotEquals" or "StringEqualsIgnoreCase" or "StringNotEqualsIgnoreCase"))
                {
                    continue;
                }

                foreach (var (key, values) in entries!.AsObject().ToArray())
                {
                    entries[key] = values is JsonArray array
                        ? new JsonArray(array.Select(v => (JsonNode)Unescape((string)v!)).ToArray())
                        : Unescape((string)values!);
                }
            }
        }

        return copy;
    }

    private static string Unescape(string value) =>
        value.Replace("${*}", "*", StringComparison.Ordinal).Replace("${?}", "?", StringComparison.Ordinal).Replace("${$}", "$", StringComparison.Ordinal);

    /// <summary>What the request context holds, as IAM would see it for a Roles Anywhere AssumeRole (see RequestContext).</summary>
    private static JsonObject Context(SessionIdentity identity, string anchor)
    {
        var context = new JsonObject
        {
            ["aws:SourceArn"] = anchor,
            ["aws:SourceAccount"] = PolicyCaseGenerator.Account,
            ["sts:RoleSessionName"] = identity.RoleSessionName,
            ["aws:TagKeys"] = new JsonArray(identity.PrincipalTags.Select(t => (JsonNode)t.Key).ToArray()),
        };
        if (identity.SourceIdentity is { } source)
        {
            context["sts:SourceIdentity"] = source;
        }

        foreach (var (key, value) in identity.PrincipalTags)
        {
            context["aws:PrincipalTag/" + key] = value;
            context["aws:RequestTag/" + key] = value;
        }

        return context;
    }

    private static string Category(string explanation) =>
        explanation.Contains("not an IAM condition operator", StringComparison.Ordinal) ? "no such operator"
        : explanation.Contains("outside the modelled subset", StringComparison.Ordinal) ? "operator outside the model"
        : explanation.Contains("does not document the value", StringComparison.Ordinal) ? "key not listed for the action, or undocumented certificate attribute"
        : explanation.Contains("before the resource part", StringComparison.Ordinal) ? "policy variable before an ARN's resource"
        : explanation.Contains("IfExists combines", StringComparison.Ordinal) ? "set qualifier with IfExists on an absent key"
        : explanation.Contains("six colon-separated", StringComparison.Ordinal) ? "ARN operator on a non-ARN value or short pattern"
        : explanation.Contains("letter case", StringComparison.Ordinal) ? "principal letter case"
        : explanation.Contains("policy variable", StringComparison.Ordinal) ? "policy variable unresolved"
        : explanation.Contains("is multivalued", StringComparison.Ordinal) ? "multivalued key without set qualifier"
        : explanation.Contains("not one this model knows", StringComparison.Ordinal) ? "key outside the model"
        : explanation.Contains("Null takes", StringComparison.Ordinal) ? "Null form"
        : "other: " + explanation[..Math.Min(80, explanation.Length)];

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
