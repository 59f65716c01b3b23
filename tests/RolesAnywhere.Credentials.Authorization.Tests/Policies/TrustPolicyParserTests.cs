using RolesAnywhere.Credentials.Authorization.Policies;
using RolesAnywhere.Credentials.Authorization.Tests.Support;

namespace RolesAnywhere.Credentials.Authorization.Tests.Policies;

public sealed class TrustPolicyParserTests
{
    [Fact]
    public void Parse_DocumentedExample_StatementsActionsAndConditions()
    {
        var policy = TrustPolicy.Parse(DocumentedPolicies.IssuerCnBob);

        var statement = Assert.Single(policy.Statements);
        Assert.Equal("2012-10-17", policy.Version);
        Assert.Equal(PolicyEffect.Allow, statement.Effect);
        Assert.Equal(["sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity"], statement.Actions);
        Assert.Equal(["StringEquals aws:PrincipalTag/x509Issuer/CN Bob", $"ArnEquals aws:SourceArn {DocumentedPolicies.TrustAnchorArn}"], statement.Conditions.Select(c => c.ToString()));
    }

    [Fact]
    public void Parse_GetRoleOutput_ReadsAssumeRolePolicyDocument()
    {
        var getRole = """{"Role":{"Path":"/","RoleName":"db","Arn":"arn:aws:iam::123456789012:role/db","AssumeRolePolicyDocument":""" + DocumentedPolicies.IssuerCnBob + "}}";

        Assert.Single(TrustPolicy.Parse(getRole).Statements);
    }

    [Fact]
    public void Parse_UrlEncodedDocumentAsTheApiReturnsIt_Decoded()
    {
        var encoded = Uri.EscapeDataString(DocumentedPolicies.IssuerCnBob);

        Assert.Single(TrustPolicy.Parse("{\"Role\":{\"AssumeRolePolicyDocument\":\"" + encoded + "\"}}").Statements);
    }

    [Theory]
    [InlineData("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Effect\": \"Allow\" \"Action\": \"sts:*\"}\n  ]\n}", 4, 24)]
    [InlineData("{\"Version\": \"2012-10-17\",}", 1, 26)]
    [InlineData("{\"Statement\": [", 1, 16)]
    public void Parse_MalformedJson_LineAndColumn(string json, int line, int column)
    {
        var error = Assert.Throws<AuthorizationDocumentException>(() => TrustPolicy.Parse(json));

        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains($"line {line}, column {column}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"allow","Principal":"*","Action":"sts:*"}]}""", "Statement[0].Effect", "case-sensitive")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"sts:*","Resource":"*"}]}""", "Statement[0].Resource", "no Resource")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:*"}]}""", "Statement[0]", "needs a Principal")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"sts:*","NotAction":"x"}]}""", "Statement[0]", "exactly one of Action and NotAction")]
    [InlineData("""{"Version":"2012-10-18","Statement":[]}""", "Version", "2012-10-17")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"rolesanywhere.amazonaws.com"},"Action":"sts:*","Condition":{"StringEquals":{"aws:SourceArn":"a","AWS:SOURCEARN":"b"}}}]}""", "Statement[0].Condition.StringEquals.AWS:SOURCEARN", "twice")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Servce":"rolesanywhere.amazonaws.com"},"Action":"sts:*"}]}""", "Statement[0].Principal.Servce", "not a principal type")]
    public void Parse_InvalidStructure_PathAndFixInMessage(string json, string path, string hint)
    {
        var error = Assert.Throws<AuthorizationDocumentException>(() => TrustPolicy.Parse(json));

        Assert.Equal(path, error.JsonPath);
        Assert.Contains(hint, error.Message, StringComparison.Ordinal);
        Assert.Null(error.Line);
    }
}
