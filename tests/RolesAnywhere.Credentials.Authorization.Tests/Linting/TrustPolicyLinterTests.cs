using RolesAnywhere.Credentials.Authorization.Identity;
using RolesAnywhere.Credentials.Authorization.Linting;
using RolesAnywhere.Credentials.Authorization.Policies;
using RolesAnywhere.Credentials.Authorization.Tests.Support;
using static RolesAnywhere.Credentials.Authorization.Tests.Support.DocumentedPolicies;

namespace RolesAnywhere.Credentials.Authorization.Tests.Linting;

public sealed class TrustPolicyLinterTests
{
    private const string Pinned = "\"ArnEquals\":{\"aws:SourceArn\":\"arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/TA_ID\"}";

    [Fact]
    public void Lint_DocumentedExample_NoFinding()
    {
        Assert.Empty(TrustPolicyLinter.Lint(TrustPolicy.Parse(IssuerCnBob)));
    }

    [Fact]
    public void Lint_GeneratedPolicy_NoFinding()
    {
        var policy = TrustPolicyGenerator.Generate(TrustAnchorArn, [new("x509Subject/CN", "db-1.example.com"), new("x509Issuer/CN", "Example CA")]);

        Assert.Empty(TrustPolicyLinter.Lint(TrustPolicy.Parse(policy)));
    }

    [Theory]
    [InlineData("{}", "RA001", "RA002")]
    [InlineData("""{"StringEquals":{"aws:PrincipalTag/x509Subject/CN":"db-1"}}""", "RA001")]
    [InlineData("""{"StringEquals":{"aws:SourceAccount":"123456789012"},"StringLike":{"aws:PrincipalTag/x509Subject/CN":"db-*"}}""", "RA001")]
    [InlineData("""{"ArnLike":{"aws:SourceArn":"arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/*"},"StringEquals":{"aws:PrincipalTag/x509Subject/CN":"db-1"}}""", "RA001")]
    [InlineData("{" + Pinned + "}", "RA002")]
    [InlineData("{" + Pinned + ""","StringNotEquals":{"aws:PrincipalTag/x509Subject/CN":"web"}}""", "RA002")]
    [InlineData("{" + Pinned + ""","StringLike":{"aws:PrincipalTag/x509Subject/CN":"*"}}""", "RA003")]
    [InlineData("{" + Pinned + ""","StringEquals":{"aws:PrincipalTag/x509Subject/emailAddress":"a@b"}}""", "RA004")]
    [InlineData("{" + Pinned + ""","StringEquals":{"aws:PrincipalTag/x509Subject/CN":"db-1","aws:PrincipalTag/team":"data"}}""", "RA004")]
    [InlineData("{" + Pinned + ""","StringEquals":{"aws:PrincipalTag/x509Subject/CN":"db-1"},"StringNotEquals":{"aws:PrincipalTag/x509SAN/Name/emailAddress":"x"}}""", "RA005")]
    [InlineData("{" + Pinned + ""","StringLike":{"aws:PrincipalTag/x509Subject/CN":"db-1"}}""", "RA008")]
    [InlineData("{" + Pinned + ""","StringEquals":{"aws:PrincipalTag/x509Subject/CN":"db-1"},"DateLessThan":{"aws:CurrentTime":"2030-01-01T00:00:00Z"}}""", "RA009")]
    public void Lint_Condition_ExpectedRules(string condition, params string[] rules)
    {
        var findings = TrustPolicyLinter.Lint(TrustPolicy.Parse(WithCondition(condition)));

        Assert.Equal(rules.Order(), findings.Select(f => f.RuleId).Order());
        Assert.All(findings, f => Assert.Equal("Statement[0]", f.Statement));
    }

    [Fact]
    public void Lint_PrincipalStar_BroadPrincipalHigh()
    {
        var finding = Assert.Single(TrustPolicyLinter.Lint(TrustPolicy.Parse(WithCondition(
            "{" + Pinned + ""","StringEquals":{"aws:PrincipalTag/x509Subject/CN":"db-1"}}""", principal: "\"*\""))));

        Assert.Equal(("RA007", LintSeverity.High), (finding.RuleId, finding.Severity));
    }

    [Fact]
    public void Lint_MissingTagSessionAndSourceIdentity_TwoErrors()
    {
        var policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"rolesanywhere.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"ArnEquals":{"aws:SourceArn":"arn:aws:rolesanywhere:us-east-1:1:trust-anchor/a"},"StringEquals":{"aws:PrincipalTag/x509Subject/CN":"db"}}}]}""";

        var findings = TrustPolicyLinter.Lint(TrustPolicy.Parse(policy));

        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal((LintRules.MissingRequiredAction, LintSeverity.Error), (f.Rule, f.Severity)));
        Assert.Contains(findings, f => f.Message.Contains("sts:TagSession", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Message.Contains("sts:SetSourceIdentity", StringComparison.Ordinal));
    }

    [Fact]
    public void Lint_DocumentedExampleWithMappingWithoutIssuerCn_NeverMatches()
    {
        // The page's warning made a rule: under a mapping without CN for x509Issuer, the StringEquals never matches.
        var findings = TrustPolicyLinter.Lint(TrustPolicy.Parse(IssuerCnBob), AttributeMapping.Parse(MappingWithoutIssuerCn));

        var finding = Assert.Single(findings);
        Assert.Equal("RA004", finding.RuleId);
        Assert.Contains("put-attribute-mapping --certificate-field x509Issuer --mapping-rules specifier=CN", finding.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_DocumentedNotEqualsExampleWithMappingWithoutIssuerCn_NeverRestricts()
    {
        var findings = TrustPolicyLinter.Lint(TrustPolicy.Parse(IssuerCnNotBob), AttributeMapping.Parse(MappingWithoutIssuerCn));

        Assert.Contains(findings, f => f.RuleId == "RA005" && f.Message.Contains("always true", StringComparison.Ordinal));
    }

    [Fact]
    public void Lint_DenyOnUnmappedTag_DeniesNobody()
    {
        var policy = """
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Principal":{"Service":"rolesanywhere.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"],
               "Condition":{
            """ + Pinned + """
            ,"StringEquals":{"aws:PrincipalTag/x509Subject/CN":"db-1"}}},
              {"Sid":"NoContractors","Effect":"Deny","Principal":"*","Action":"sts:*","Condition":{"StringEquals":{"aws:PrincipalTag/x509Subject/title":"contractor"}}}]}
            """;

        var finding = Assert.Single(TrustPolicyLinter.Lint(TrustPolicy.Parse(policy)));

        Assert.Equal(("RA005", "'NoContractors'"), (finding.RuleId, finding.Statement));
        Assert.Contains("denies nobody", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_Catalogue_UniqueIdsWithRationale()
    {
        Assert.Equal(LintRules.All.Count, LintRules.All.Select(r => r.Id).Distinct().Count());
        Assert.All(LintRules.All, r => Assert.False(string.IsNullOrWhiteSpace(r.Rationale)));
    }
}
