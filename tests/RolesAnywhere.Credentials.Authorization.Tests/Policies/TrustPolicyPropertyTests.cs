using CsCheck;
using RolesAnywhere.Credentials.Authorization.Identity;
using RolesAnywhere.Credentials.Authorization.Policies;
using RolesAnywhere.Credentials.Authorization.Tests.Support;

namespace RolesAnywhere.Credentials.Authorization.Tests.Policies;

/// <summary>
/// Properties of evaluation over random policies built from the modelled operators, keys, values and effects: it is
/// deterministic, independent of statement order, and an applicable explicit deny always wins
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
/// </summary>
public sealed class TrustPolicyPropertyTests : IClassFixture<TrustPolicyPropertyTests.Identities>
{
    private static readonly string[] Operators =
    [
        "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringLike", "StringNotLike", "StringEqualsIfExists",
        "StringNotEqualsIfExists", "ForAnyValue:StringEquals", "ForAllValues:StringLike", "ArnLike", "ArnNotEquals", "Null", "DateLessThan",
    ];

    private static readonly string[] Keys =
    [
        "aws:PrincipalTag/x509Subject/CN", "aws:PrincipalTag/x509Subject/OU", "aws:PrincipalTag/x509Issuer/CN", "aws:PrincipalTag/x509SAN/DNS",
        "aws:PrincipalTag/x509SAN/URI", "aws:SourceArn", "aws:SourceAccount", "sts:SourceIdentity", "aws:TagKeys", "aws:CurrentTime",
    ];

    private static readonly string[] Values =
    [
        "db-1", "db-*", "*", "DB-1", "Data", "Root", "true", "false", "x509Subject/CN", DocumentedPolicies.TrustAnchorArn,
        "arn:aws:rolesanywhere:*:*:trust-anchor/*", "123456789012", "CN=db-1", "${aws:PrincipalTag/x509Subject/CN}", "db-1.example.com",
    ];

    private static readonly Gen<string> Condition =
        Gen.Select(OneOf(Operators), OneOf(Keys), OneOf(Values).Array[1, 3])
            .Select((op, key, values) => $"\"{op}\":{{\"{key}\":[{string.Join(",", values.Select(v => $"\"{v}\""))}]}}");

    private static readonly Gen<string> Statement =
        Gen.Select(OneOf("Allow", "Deny"), OneOf("\"sts:*\"", "[\"sts:AssumeRole\",\"sts:TagSession\",\"sts:SetSourceIdentity\"]", "\"sts:TagSession\"", "\"sts:Assume*\""),
                OneOf("\"*\"", "{\"Service\":\"rolesanywhere.amazonaws.com\"}", "{\"AWS\":\"arn:aws:iam::1:root\"}"), Condition.Array[0, 3])
            .Select((effect, action, principal, conditions) =>
                $"{{\"Effect\":\"{effect}\",\"Principal\":{principal},\"Action\":{action},\"Condition\":{{{string.Join(",", conditions.DistinctBy(c => c[..c.IndexOf(':', c.IndexOf('"', 1))]))}}}}}");

    private static readonly Gen<string[]> Statements = Statement.Array[1, 5];

    private readonly Identities _identities;

    public TrustPolicyPropertyTests(Identities identities) => _identities = identities;

    [Fact]
    public void Evaluate_SamePolicyTwice_SameDecisionAndExplanation()
    {
        Gen.Select(Statements, Gen.Bool).Sample((statements, which) =>
        {
            var request = _identities.Request(which);
            var first = Parse(statements).Evaluate(request);
            var second = Parse(statements).Evaluate(request);
            return first.Decision == second.Decision && first.Explanation == second.Explanation;
        }, iter: 500);
    }

    [Fact]
    public void Evaluate_StatementsReordered_SameDecision()
    {
        Gen.Select(Statements, Gen.Bool).Sample((statements, which) =>
        {
            var request = _identities.Request(which);
            return Parse(statements).Evaluate(request).Decision == Parse(Enumerable.Reverse(statements).ToArray()).Evaluate(request).Decision;
        }, iter: 500);
    }

    [Fact]
    public void Evaluate_ApplicableDenyAdded_AlwaysExplicitDeny()
    {
        const string Deny = """{"Effect":"Deny","Principal":"*","Action":"sts:*"}""";
        Gen.Select(Statements, Gen.Bool, Gen.Int[0, 5]).Sample((statements, which, at) =>
        {
            var withDeny = statements.ToList();
            withDeny.Insert(Math.Min(at, withDeny.Count), Deny);
            return Parse([.. withDeny]).Evaluate(_identities.Request(which)).Decision == PolicyDecision.ExplicitDeny;
        }, iter: 500);
    }

    [Fact]
    public void Evaluate_AllowedPolicyPlusAnyStatement_NeverAllowsWhatADenyCovers()
    {
        // Adding statements can turn Allowed into ExplicitDeny/Unsupported, never an ExplicitDeny into anything else.
        Gen.Select(Statements, Statement, Gen.Bool).Sample((statements, extra, which) =>
        {
            var request = _identities.Request(which);
            var before = Parse(statements).Evaluate(request).Decision;
            var after = Parse([.. statements, extra]).Evaluate(request).Decision;
            return before != PolicyDecision.ExplicitDeny || after == PolicyDecision.ExplicitDeny;
        }, iter: 500);
    }

    // One of the given values. CsCheck names this OneOfConst in 4.9 (the net8.0 run) and OneOf in 5 (net10.0), so the
    // generator is spelled out once here instead.
    private static Gen<T> OneOf<T>(params T[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static TrustPolicy Parse(string[] statements) =>
        TrustPolicy.Parse($"{{\"Version\":\"2012-10-17\",\"Statement\":[{string.Join(",", statements)}]}}");

    public sealed class Identities : IDisposable
    {
        private readonly System.Security.Cryptography.X509Certificates.X509Certificate2 _root = TestCertificates.Root("CN=Root");
        private readonly System.Security.Cryptography.X509Certificates.X509Certificate2 _withSan;
        private readonly System.Security.Cryptography.X509Certificates.X509Certificate2 _plain;

        public Identities()
        {
            _withSan = TestCertificates.Issue(_root, "CN=db-1, OU=Data", r => r.CertificateExtensions.Add(TestCertificates.SubjectAlternativeNames((2, "db-1.example.com"))));
            _plain = TestCertificates.Issue(_root, "CN=DB-1");
        }

        public AuthorizationRequest Request(bool withSan) =>
            new(SessionIdentity.FromCertificate(withSan ? _withSan : _plain), DocumentedPolicies.TrustAnchorArn);

        public void Dispose()
        {
            _withSan.Dispose();
            _plain.Dispose();
            _root.Dispose();
        }
    }
}
