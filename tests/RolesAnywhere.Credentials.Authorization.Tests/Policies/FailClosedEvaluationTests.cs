using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.Authorization.Identity;
using RolesAnywhere.Credentials.Authorization.Linting;
using RolesAnywhere.Credentials.Authorization.Policies;
using RolesAnywhere.Credentials.Authorization.Tests.Support;
using static RolesAnywhere.Credentials.Authorization.Tests.Support.DocumentedPolicies;

namespace RolesAnywhere.Credentials.Authorization.Tests.Policies;

/// <summary>
/// The cases the adversarial review found answered wrongly: ${*} and ${?} read as wildcards in the ARN operators (a false
/// allow and a false explicit deny), a name that is no operator answered ALLOWED, and behaviour IAM does not document
/// (a repeated CN, a multi-valued RDN, ArnLike "*", the service principal in another letter case) answered ALLOWED instead
/// of "cannot tell".
/// </summary>
public sealed class FailClosedEvaluationTests : IDisposable
{
    private const string Escaped = "arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/${*}";
    private readonly X509Certificate2 _root = TestCertificates.Root("CN=Bob");
    private readonly X509Certificate2 _leaf;

    public FailClosedEvaluationTests() => _leaf = TestCertificates.Issue(_root, "CN=db-1.example.com, OU=Data");

    public void Dispose()
    {
        _leaf.Dispose();
        _root.Dispose();
    }

    [Theory]
    // ${*} is a literal '*' (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-specialchars):
    // no trust anchor id is '*', so the Allow never applies…
    [InlineData("ArnEquals", PolicyDecision.ImplicitDeny)]
    [InlineData("ArnLike", PolicyDecision.ImplicitDeny)]
    [InlineData("ArnLike", PolicyDecision.ImplicitDeny, "arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/TA_I${?}")]
    public void Allow_EscapedWildcardInArnOperator_IsLiteral(string op, PolicyDecision expected, string value = Escaped)
    {
        var policy = Policy($$$$"""{"Effect":"Allow","Principal":{"Service":"rolesanywhere.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"],"Condition":{"{{{{op}}}}":{"aws:SourceArn":"{{{{value}}}}"}}}""");

        Assert.Equal(expected, Evaluate(policy).Decision);
    }

    [Theory]
    // …a Deny with ArnNotEquals on it applies to every real anchor (before: "does not apply", a false allow)…
    [InlineData("ArnNotEquals", PolicyDecision.ExplicitDeny)]
    [InlineData("ArnNotLike", PolicyDecision.ExplicitDeny)]
    // …and a Deny with ArnLike on it matches nothing (before: an explicit deny).
    [InlineData("ArnLike", PolicyDecision.Allowed)]
    [InlineData("ArnEquals", PolicyDecision.Allowed)]
    public void Deny_EscapedWildcardInArnOperator_IsLiteral(string op, PolicyDecision expected)
    {
        var policy = Policy(
            AllowAll,
            $$$$"""{"Effect":"Deny","Principal":"*","Action":"sts:AssumeRole","Condition":{"{{{{op}}}}":{"aws:SourceArn":"{{{{Escaped}}}}"}}}""");

        Assert.Equal(expected, Evaluate(policy).Decision);
    }

    [Fact]
    public void Lint_EscapedWildcard_IsFlagged()
    {
        var policy = TrustPolicy.Parse(Policy($$$$"""{"Effect":"Allow","Principal":{"Service":"rolesanywhere.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"],"Condition":{"ArnEquals":{"aws:SourceArn":"{{{{Escaped}}}}"},"StringEquals":{"aws:PrincipalTag/x509Subject/CN":"db"}}}"""));

        var finding = Assert.Single(TrustPolicyLinter.Lint(policy), f => f.RuleId == LintRules.LiteralWildcardEscape.Id);
        Assert.Contains("literal", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoSuchOperator_InAnotherStatement_IsCannotTell_NotAllowed()
    {
        // IAM refuses a policy with an operator it does not know; the Allow beside it says nothing about what IAM would do.
        var policy = Policy(
            AllowAll,
            """{"Effect":"Deny","Principal":"*","Action":"sts:AssumeRole","Condition":{"StringEqualz":{"aws:PrincipalTag/x509Subject/CN":"db-1.example.com"},"StringEquals":{"aws:SourceAccount":"999999999999"}}}""");

        var result = Evaluate(policy);

        Assert.Equal(PolicyDecision.Unsupported, result.Decision);
        Assert.Contains("StringEqualz", result.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CN=db-1, CN=db-2, OU=Data", """{"StringEquals":{"aws:PrincipalTag/x509Subject/CN":"db-1"}}""")]
    [InlineData("CN=db-1, CN=db-2, OU=Data", """{"StringEquals":{"sts:SourceIdentity":"CN=db-1"}}""")]
    [InlineData("CN=db-1+OU=Data, O=Example", """{"StringEquals":{"aws:PrincipalTag/x509Subject/O":"Example"}}""")]
    [InlineData("CN=db-1+OU=Data, O=Example", """{"ForAnyValue:StringEquals":{"aws:TagKeys":"x509Subject/O"}}""")]
    [InlineData("CN=db-1+OU=Data, O=Example", """{"StringEquals":{"sts:SourceIdentity":"CN=db-1"}}""")]
    public void UndocumentedCertificateNames_AreCannotTell(string subject, string condition)
    {
        using var certificate = subject.Contains('+', StringComparison.Ordinal)
            ? TestCertificates.Issue(_root, TestCertificates.MultiValuedName("db-1", "Data", "Example"))
            : TestCertificates.Issue(_root, subject);
        var policy = Policy($$$$"""{"Effect":"Allow","Principal":{"Service":"rolesanywhere.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"],"Condition":{{{{condition}}}}}""");

        Assert.Equal(PolicyDecision.Unsupported, Evaluate(policy, certificate).Decision);
    }

    [Fact]
    public void RoleSessionName_OfSerialEncodedWithLeadingZero_IsCannotTell()
    {
        // "the hex-encoded serial number": with or without the 00 octet a high-bit serial is encoded with? Not documented.
        using var highBit = TestCertificates.Issue(_root, "CN=db-1", serial: [0x9F, 0x01, 0x02]);
        using var plain = TestCertificates.Issue(_root, "CN=db-1", serial: [0x1F, 0x01, 0x02]);
        var policy = Policy("""{"Effect":"Allow","Principal":{"Service":"rolesanywhere.amazonaws.com"},"Action":["sts:AssumeRole"],"Condition":{"StringLike":{"sts:RoleSessionName":"*9f0102"}}}""");
        var plainPolicy = Policy("""{"Effect":"Allow","Principal":{"Service":"rolesanywhere.amazonaws.com"},"Action":["sts:AssumeRole"],"Condition":{"StringEquals":{"sts:RoleSessionName":"1f0102"}}}""");

        Assert.Equal(0, highBit.SerialNumberBytes.Span[0]);
        Assert.Equal(PolicyDecision.Unsupported, Evaluate(policy, highBit).Actions[0].Decision);
        Assert.Equal(PolicyDecision.Allowed, Evaluate(plainPolicy, plain).Actions[0].Decision);
    }

    [Fact]
    public void RepeatedCn_ConditionOnAnotherTag_StillDecided()
    {
        using var certificate = TestCertificates.Issue(_root, "CN=db-1, CN=db-2, OU=Data");
        var policy = Policy("""{"Effect":"Allow","Principal":{"Service":"rolesanywhere.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"],"Condition":{"StringEquals":{"aws:PrincipalTag/x509Subject/OU":"Data"}}}""");

        Assert.Equal(PolicyDecision.Allowed, Evaluate(policy, certificate).Decision);
    }

    [Theory]
    [InlineData("""{"Effect":"Allow","Principal":{"Service":"rolesanywhere.amazonaws.com"},"Action":"sts:*","Condition":{"ArnLike":{"aws:SourceArn":"*"}}}""")]
    [InlineData("""{"Effect":"Allow","Principal":{"Service":"RolesAnywhere.amazonaws.com"},"Action":"sts:*"}""")]
    [InlineData("""{"Effect":"Allow","Principal":{"Service":"rolesanywhere.amazonaws.com"},"Action":"sts:*","Condition":{"ArnNotLike":{"aws:PrincipalTag/x509Subject/CN":"arn:aws:iam::*:role/*"}}}""")]
    [InlineData("""{"Effect":"Allow","Principal":{"Service":"rolesanywhere.amazonaws.com"},"Action":"sts:*","Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:rolesanywhere:*:${aws:SourceAccount}:trust-anchor/*"}}}""")]
    [InlineData("""{"Effect":"Allow","Principal":{"Service":"rolesanywhere.amazonaws.com"},"Action":"sts:*","Condition":{"ForAnyValue:StringEqualsIfExists":{"aws:PrincipalTag/x509SAN/URI":"x"}}}""")]
    public void UndocumentedPolicyBehaviour_IsCannotTell(string statement)
    {
        Assert.Equal(PolicyDecision.Unsupported, Evaluate(Policy(statement)).Decision);
    }

    [Theory]
    [InlineData("""{"Effect":"Allow","Principal":{"Service":"rolesanywhere.amazonaws.com"},"Action":"sts:*","Condition":{"ArnLike":{"aws:SourceArn":"*"}}}""", "six colon-separated")]
    [InlineData("""{"Effect":"Allow","Principal":{"Service":"RolesAnywhere.amazonaws.com"},"Action":"sts:*"}""", "letter case")]
    [InlineData("""{"Effect":"Allow","Principal":{"Service":"rolesanywhere.amazonaws.com"},"Action":"sts:*","Condition":{"StringEqualz":{"aws:SourceAccount":"1"}}}""", "not an IAM condition operator")]
    public void Lint_FlagsWhatEvaluateCannotDecide(string statement, string message)
    {
        var findings = TrustPolicyLinter.Lint(TrustPolicy.Parse(Policy(statement)));

        Assert.Contains(findings, f => f.RuleId == LintRules.Unsupported.Id && f.Message.Contains(message, StringComparison.Ordinal));
    }

    private const string AllowAll = """{"Effect":"Allow","Principal":{"Service":"rolesanywhere.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"]}""";

    private static string Policy(params string[] statements) => $$"""{"Version":"2012-10-17","Statement":[{{string.Join(",", statements)}}]}""";

    private PolicyEvaluation Evaluate(string policy, X509Certificate2? certificate = null) =>
        TrustPolicy.Parse(policy).Evaluate(new AuthorizationRequest(SessionIdentity.FromCertificate(certificate ?? _leaf), TrustAnchorArn));
}
