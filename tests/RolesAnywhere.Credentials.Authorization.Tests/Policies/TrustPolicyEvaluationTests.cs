using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.Authorization.Identity;
using RolesAnywhere.Credentials.Authorization.Policies;
using RolesAnywhere.Credentials.Authorization.Tests.Support;
using static RolesAnywhere.Credentials.Authorization.Tests.Support.DocumentedPolicies;

namespace RolesAnywhere.Credentials.Authorization.Tests.Policies;

public sealed class TrustPolicyEvaluationTests : IDisposable
{
    private readonly X509Certificate2 _bobRoot = TestCertificates.Root("CN=Bob");
    private readonly X509Certificate2 _aliceRoot = TestCertificates.Root("CN=Alice");
    private readonly X509Certificate2 _fromBob;
    private readonly X509Certificate2 _fromAlice;

    public TrustPolicyEvaluationTests()
    {
        _fromBob = TestCertificates.Issue(_bobRoot, "CN=db-1.example.com, OU=Data", r => r.CertificateExtensions.Add(TestCertificates.SubjectAlternativeNames((2, "db-1.example.com"))));
        _fromAlice = TestCertificates.Issue(_aliceRoot, "CN=db-1.example.com, OU=Data");
    }

    public void Dispose()
    {
        _fromBob.Dispose();
        _fromAlice.Dispose();
        _bobRoot.Dispose();
        _aliceRoot.Dispose();
    }

    // Rows: the documentation's examples (https://docs.aws.amazon.com/rolesanywhere/latest/userguide/attribute-mapping-and-trust-policy.html)
    // under the default mapping and under a mapping without issuer CN, through the pinned and another trust anchor.
    public static TheoryData<string, string, bool, string?, PolicyDecision> DocumentedExamples => new()
    {
        { "IssuerCnBob", "bob", true, null, PolicyDecision.Allowed },
        { "IssuerCnBob", "alice", true, null, PolicyDecision.ImplicitDeny },
        { "IssuerCnBob", "bob", false, null, PolicyDecision.ImplicitDeny },
        // "the first condition … will evaluate as false because there will be no value mapped aws:PrincipalTag/x509Issuer/CN"
        { "IssuerCnBob", "bob", true, "without-issuer-cn", PolicyDecision.ImplicitDeny },
        // "Likewise, if the condition is StringNotEquals, the condition will evaluate to true using the same profile"
        { "IssuerCnNotBob", "bob", true, "without-issuer-cn", PolicyDecision.Allowed },
        { "IssuerCnNotBob", "bob", true, null, PolicyDecision.ImplicitDeny },
        { "IssuerCnNotBob", "alice", true, null, PolicyDecision.Allowed },
    };

    [Theory]
    [MemberData(nameof(DocumentedExamples))]
    public void Evaluate_DocumentedExample_DecidesAsTheDocumentationSays(string policy, string issuer, bool pinnedAnchor, string? mapping, PolicyDecision expected)
    {
        var trust = TrustPolicy.Parse(policy == "IssuerCnBob" ? IssuerCnBob : IssuerCnNotBob);
        var identity = SessionIdentity.FromCertificate(issuer == "bob" ? _fromBob : _fromAlice, mapping is null ? null : AttributeMapping.Parse(MappingWithoutIssuerCn));

        var result = trust.Evaluate(new AuthorizationRequest(identity, pinnedAnchor ? TrustAnchorArn : OtherTrustAnchorArn));

        Assert.Equal(expected, result.Decision);
        Assert.Equal(3, result.Actions.Count);
    }

    [Fact]
    public void Evaluate_Allowed_NamesStatementAndConditionsThatHeld()
    {
        var result = Evaluate(IssuerCnBob, _fromBob);

        Assert.True(result.IsAllowed);
        Assert.Equal(0, result.DecidingStatement!.Index);
        Assert.Contains("StringEquals {\"aws:PrincipalTag/x509Issuer/CN\": \"Bob\"} holds", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_WrongTrustAnchor_ExplanationNamesFailedCondition()
    {
        var result = Evaluate(IssuerCnBob, _fromBob, OtherTrustAnchorArn);

        Assert.Equal(PolicyDecision.ImplicitDeny, result.Decision);
        Assert.Contains("ArnEquals", result.Explanation, StringComparison.Ordinal);
        Assert.Contains(OtherTrustAnchorArn, result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ExplicitDenyAndAllow_DenyWins()
    {
        var policy = """
            {"Version":"2012-10-17","Statement":[
              {"Sid":"Trust","Effect":"Allow","Principal":{"Service":"rolesanywhere.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"]},
              {"Sid":"NoData","Effect":"Deny","Principal":"*","Action":"sts:*","Condition":{"StringEquals":{"aws:PrincipalTag/x509Subject/OU":"Data"}}}]}
            """;

        var result = Evaluate(policy, _fromBob);

        Assert.Equal(PolicyDecision.ExplicitDeny, result.Decision);
        Assert.Equal("NoData", result.DecidingStatement!.Sid);
    }

    [Fact]
    public void Evaluate_TagSessionMissing_ImplicitDenyNamesTheAction()
    {
        var policy = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"rolesanywhere.amazonaws.com"},"Action":["sts:AssumeRole","sts:SetSourceIdentity"]}]}
            """;

        var result = Evaluate(policy, _fromBob);

        Assert.Equal(PolicyDecision.ImplicitDeny, result.Decision);
        Assert.StartsWith("sts:TagSession:", result.Explanation, StringComparison.Ordinal);
        Assert.Equal(PolicyDecision.Allowed, result.Actions.Single(a => a.Action == "sts:AssumeRole").Decision);
    }

    [Theory]
    // Condition operators and their case rules: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
    // (keys case-insensitive: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html).
    [InlineData("""{"StringEquals":{"aws:PrincipalTag/x509Subject/CN":"db-1.example.com"}}""", PolicyDecision.Allowed)]
    [InlineData("""{"StringEquals":{"AWS:principaltag/X509SUBJECT/cn":"db-1.example.com"}}""", PolicyDecision.Allowed)]
    [InlineData("""{"StringEquals":{"aws:PrincipalTag/x509Subject/CN":"DB-1.example.com"}}""", PolicyDecision.ImplicitDeny)]
    [InlineData("""{"StringEqualsIgnoreCase":{"aws:PrincipalTag/x509Subject/CN":"DB-1.EXAMPLE.COM"}}""", PolicyDecision.Allowed)]
    [InlineData("""{"StringNotEqualsIgnoreCase":{"aws:PrincipalTag/x509Subject/CN":"DB-1.EXAMPLE.COM"}}""", PolicyDecision.ImplicitDeny)]
    [InlineData("""{"StringEquals":{"aws:PrincipalTag/x509Subject/CN":["db-2.example.com","db-1.example.com"]}}""", PolicyDecision.Allowed)]
    [InlineData("""{"StringNotEquals":{"aws:PrincipalTag/x509Subject/CN":["db-2.example.com","db-1.example.com"]}}""", PolicyDecision.ImplicitDeny)]
    [InlineData("""{"StringLike":{"aws:PrincipalTag/x509Subject/CN":"db-?.example.*"}}""", PolicyDecision.Allowed)]
    [InlineData("""{"StringLike":{"aws:PrincipalTag/x509Subject/CN":"DB-*"}}""", PolicyDecision.ImplicitDeny)]
    [InlineData("""{"StringNotLike":{"aws:PrincipalTag/x509Subject/CN":"web-*"}}""", PolicyDecision.Allowed)]
    [InlineData("""{"ArnLike":{"aws:SourceArn":"arn:aws:rolesanywhere:*:123456789012:trust-anchor/TA_*"}}""", PolicyDecision.Allowed)]
    [InlineData("""{"ArnEquals":{"aws:SourceArn":"arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/*"}}""", PolicyDecision.Allowed)]
    [InlineData("""{"ArnNotEquals":{"aws:SourceArn":"arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/TA_ID"}}""", PolicyDecision.ImplicitDeny)]
    // A pattern of fewer than six parts: not documented for the ARN operators, so "cannot tell" (the independent evaluator denies).
    [InlineData("""{"ArnLike":{"aws:SourceArn":"arn:aws:rolesanywhere:us-east-1:123456789012"}}""", PolicyDecision.Unsupported)]
    [InlineData("""{"StringEquals":{"aws:SourceAccount":"123456789012"}}""", PolicyDecision.Allowed)]
    // sts:SourceIdentity is listed for sts:AssumeRole and sts:SetSourceIdentity only, not sts:TagSession (Service Authorization Reference).
    [InlineData("""{"StringEquals":{"sts:SourceIdentity":"CN=db-1.example.com"}}""", PolicyDecision.Unsupported)]
    // …IfExists: true when the key is absent, else the operator.
    [InlineData("""{"StringEqualsIfExists":{"aws:PrincipalTag/x509SAN/URI":"spiffe://x"}}""", PolicyDecision.Allowed)]
    [InlineData("""{"StringEqualsIfExists":{"aws:PrincipalTag/x509SAN/DNS":"other.example.com"}}""", PolicyDecision.ImplicitDeny)]
    [InlineData("""{"StringEquals":{"aws:PrincipalTag/x509SAN/URI":"spiffe://x"}}""", PolicyDecision.ImplicitDeny)]
    [InlineData("""{"StringNotEquals":{"aws:PrincipalTag/x509SAN/URI":"spiffe://x"}}""", PolicyDecision.Allowed)]
    // Null: true means absent.
    [InlineData("""{"Null":{"aws:PrincipalTag/x509SAN/URI":"true"}}""", PolicyDecision.Allowed)]
    [InlineData("""{"Null":{"aws:PrincipalTag/x509SAN/DNS":true}}""", PolicyDecision.ImplicitDeny)]
    [InlineData("""{"Null":{"aws:PrincipalTag/x509SAN/DNS":"false"}}""", PolicyDecision.Allowed)]
    // Set qualifiers on the multivalued aws:TagKeys (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html).
    // aws:TagKeys is listed for sts:AssumeRole and sts:TagSession, not sts:SetSourceIdentity: a statement covering all three cannot be decided.
    [InlineData("""{"ForAnyValue:StringEquals":{"aws:TagKeys":"x509SAN/DNS"}}""", PolicyDecision.Unsupported)]
    [InlineData("""{"ForAllValues:StringLike":{"aws:TagKeys":["x509Subject/*","x509Issuer/*"]}}""", PolicyDecision.ImplicitDeny)]
    [InlineData("""{"ForAllValues:StringLike":{"aws:TagKeys":["x509*"]}}""", PolicyDecision.Unsupported)]
    [InlineData("""{"ForAnyValue:StringEquals":{"aws:PrincipalTag/x509SAN/URI":"x"}}""", PolicyDecision.ImplicitDeny)]
    [InlineData("""{"ForAllValues:StringEquals":{"aws:PrincipalTag/x509SAN/URI":"x"}}""", PolicyDecision.Allowed)]
    // Several operators and several keys are ANDed.
    [InlineData("""{"StringEquals":{"aws:PrincipalTag/x509Subject/OU":"Data","aws:PrincipalTag/x509Issuer/CN":"Bob"},"StringLike":{"aws:PrincipalTag/x509SAN/DNS":"*.example.com"}}""", PolicyDecision.Allowed)]
    [InlineData("""{"StringEquals":{"aws:PrincipalTag/x509Subject/OU":"Data","aws:PrincipalTag/x509Issuer/CN":"Alice"}}""", PolicyDecision.ImplicitDeny)]
    public void Evaluate_ConditionOperator_FollowsIamRules(string condition, PolicyDecision expected)
    {
        Assert.Equal(expected, Evaluate(WithCondition(condition), _fromBob).Decision);
    }

    [Theory]
    // Policy variables: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
    [InlineData("2012-10-17", """{"StringLike":{"aws:PrincipalTag/x509SAN/DNS":"${aws:PrincipalTag/x509Subject/CN}"}}""", PolicyDecision.Allowed)]
    [InlineData("2008-10-17", """{"StringLike":{"aws:PrincipalTag/x509SAN/DNS":"${aws:PrincipalTag/x509Subject/CN}"}}""", PolicyDecision.ImplicitDeny)]
    [InlineData("2012-10-17", """{"StringEquals":{"aws:PrincipalTag/x509Subject/OU":"${aws:PrincipalTag/x509Subject/O, 'Data'}"}}""", PolicyDecision.Allowed)]
    [InlineData("2012-10-17", """{"StringEquals":{"aws:PrincipalTag/x509Subject/OU":"${aws:PrincipalTag/x509Subject/O}"}}""", PolicyDecision.Unsupported)]
    [InlineData("2012-10-17", """{"StringLike":{"aws:PrincipalTag/x509Subject/CN":"db-1.example${?}com"}}""", PolicyDecision.ImplicitDeny)]
    public void Evaluate_PolicyVariable_ResolvedOnlyInVersion2012(string version, string condition, PolicyDecision expected)
    {
        Assert.Equal(expected, Evaluate(WithCondition(condition, version: version), _fromBob).Decision);
    }

    [Theory]
    [InlineData("""{"DateLessThan":{"aws:CurrentTime":"2030-01-01T00:00:00Z"}}""", "outside the modelled subset")]
    [InlineData("""{"stringequals":{"aws:PrincipalTag/x509Subject/CN":"db-1.example.com"}}""", "did you mean 'StringEquals'")]
    [InlineData("""{"StringEquals":{"aws:SourceIp":"10.0.0.1"}}""", "aws:SourceIp")]
    [InlineData("""{"StringEquals":{"aws:TagKeys":"x509Subject/CN"}}""", "multivalued")]
    public void Evaluate_OutsideSubset_UnsupportedWithReason(string condition, string reason)
    {
        var result = Evaluate(WithCondition(condition), _fromBob);

        Assert.Equal(PolicyDecision.Unsupported, result.Decision);
        Assert.Contains(result.Unsupported, u => u.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_UnsupportedConditionButAnotherConditionFails_DefinitelyDenied()
    {
        var condition = """{"DateLessThan":{"aws:CurrentTime":"2030-01-01T00:00:00Z"},"StringEquals":{"aws:PrincipalTag/x509Issuer/CN":"Alice"}}""";

        Assert.Equal(PolicyDecision.ImplicitDeny, Evaluate(WithCondition(condition), _fromBob).Decision);
    }

    [Fact]
    public void Evaluate_UnsupportedDenyButOtherDenyApplies_ExplicitDeny()
    {
        var policy = """
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Principal":{"Service":"rolesanywhere.amazonaws.com"},"Action":"sts:*"},
              {"Effect":"Deny","Principal":"*","Action":"sts:*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}},
              {"Effect":"Deny","Principal":"*","Action":"sts:TagSession"}]}
            """;

        Assert.Equal(PolicyDecision.ExplicitDeny, Evaluate(policy, _fromBob).Decision);
    }

    [Theory]
    [InlineData("""{"AWS":"arn:aws:iam::123456789012:root"}""", PolicyDecision.ImplicitDeny)]
    [InlineData("""{"Service":["ec2.amazonaws.com","rolesanywhere.amazonaws.com"]}""", PolicyDecision.Allowed)]
    [InlineData("\"*\"", PolicyDecision.Allowed)]
    [InlineData("""{"AWS":"*"}""", PolicyDecision.Allowed)]
    public void Evaluate_Principal_OnlyTheServiceOrEveryoneMatches(string principal, PolicyDecision expected)
    {
        Assert.Equal(expected, Evaluate(WithCondition("{}", principal: principal), _fromBob).Decision);
    }

    [Fact]
    public void Evaluate_NotAction_CoversEverythingElse()
    {
        var policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"rolesanywhere.amazonaws.com"},"NotAction":"sts:TagSession"}]}""";

        var result = Evaluate(policy, _fromBob);

        Assert.Equal(PolicyDecision.ImplicitDeny, result.Decision);
        Assert.Equal(["sts:AssumeRole", "sts:SetSourceIdentity"], result.Actions.Where(a => a.Decision == PolicyDecision.Allowed).Select(a => a.Action));
    }

    [Fact]
    public void Evaluate_NotPrincipal_Unsupported()
    {
        var policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::1:root"},"Action":"sts:*"}]}""";

        Assert.Equal(PolicyDecision.Unsupported, Evaluate(policy, _fromBob).Decision);
    }

    private static PolicyEvaluation Evaluate(string policy, X509Certificate2 certificate, string trustAnchorArn = TrustAnchorArn) =>
        TrustPolicy.Parse(policy).Evaluate(new AuthorizationRequest(SessionIdentity.FromCertificate(certificate), trustAnchorArn));
}
