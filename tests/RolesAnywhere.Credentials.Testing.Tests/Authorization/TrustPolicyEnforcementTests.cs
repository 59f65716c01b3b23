using System.Net;
using RolesAnywhere.Credentials.Authorization;
using RolesAnywhere.Credentials.Authorization.Policies;
using RolesAnywhere.Credentials.Testing.Tests.Support;

namespace RolesAnywhere.Credentials.Testing.Tests.Authorization;

/// <summary>
/// The emulator enforcing a role's trust policy over real HTTP: the session identity it derives under the profile's mapping,
/// the decision, the AccessDeniedException it answers, and what the request record shows.
/// </summary>
public sealed class TrustPolicyEnforcementTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    // TestPki.EcLeaf: subject CN=ec-client, issuer CN=Emulator Test Root EC.
    private const string PinnedToClient = """
        {
          "Version": "2012-10-17",
          "Statement": [{
            "Sid": "RolesAnywhereClient",
            "Effect": "Allow",
            "Principal": { "Service": "rolesanywhere.amazonaws.com" },
            "Action": ["sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity"],
            "Condition": {
              "ArnEquals": { "aws:SourceArn": "ANCHOR" },
              "StringEquals": { "aws:PrincipalTag/x509Subject/CN": "CN_VALUE" }
            }
          }]
        }
        """;

    private static string Policy(string anchorArn, string commonName = "ec-client") =>
        PinnedToClient.Replace("ANCHOR", anchorArn, StringComparison.Ordinal).Replace("CN_VALUE", commonName, StringComparison.Ordinal);

    /// <summary>A role of its own and a profile vending it, so each test's policy cannot leak into another's.</summary>
    private SessionRequest RequestForNewRole(string? trustPolicy, string? attributeMappings = null)
    {
        var role = fixture.Emulator.RoleArn("policy/" + Guid.NewGuid().ToString("N"));
        var profile = fixture.Emulator.AddProfile(new EmulatorProfile { RoleArns = [role], AttributeMappingsJson = attributeMappings });
        fixture.Emulator.SetTrustPolicy(role, trustPolicy);
        return fixture.Request(TestPki.EcLeaf, fixture.EcAnchorArn) with { ProfileArn = profile, RoleArn = role };
    }

    private async Task<EmulatorRequest> SendAsync(SessionRequest request)
    {
        using var response = await fixture.SendAsync(request);
        await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return fixture.Emulator.Requests.Last(r => r.Path == "/sessions" && r.QueryString.Contains(Uri.EscapeDataString(request.RoleArn), StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateSession_NoTrustPolicy_IssuedAndRecordShowsIdentityWithoutEvaluation()
    {
        var request = RequestForNewRole(trustPolicy: null);

        using var response = await fixture.SendAsync(request);

        var body = await ResponseAssert.CreatedAsync(response);
        var record = fixture.Emulator.Requests[^1];
        Assert.Null(record.TrustPolicyEvaluation);
        Assert.NotNull(record.SessionIdentity);
        Assert.Equal("CN=ec-client", record.SessionIdentity!.SourceIdentity);
        Assert.Equal(TestPki.EcLeaf.SerialNumber.ToLowerInvariant(), record.SessionIdentity.RoleSessionName);
        Assert.True(record.SessionIdentity.TryGetTag("x509Subject/CN", out var cn));
        Assert.Equal("ec-client", cn);
        Assert.True(record.SessionIdentity.TryGetTag("x509Issuer/CN", out var issuer));
        Assert.Equal("Emulator Test Root EC", issuer);
        // The response's source identity and session name are the ones the record shows.
        var issued = body.GetProperty("credentialSet")[0];
        Assert.Equal(record.SessionIdentity.SourceIdentity, issued.GetProperty("sourceIdentity").GetString());
        Assert.EndsWith("/" + record.SessionIdentity.RoleSessionName, issued.GetProperty("assumedRoleUser").GetProperty("arn").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateSession_PolicyPinnedToAnchorAndCommonName_IssuedWithDecidingStatement()
    {
        var request = RequestForNewRole(Policy(fixture.EcAnchorArn));

        using var response = await fixture.SendAsync(request);

        await ResponseAssert.CreatedAsync(response);
        var evaluation = fixture.Emulator.Requests[^1].TrustPolicyEvaluation;
        Assert.NotNull(evaluation);
        Assert.Equal(PolicyDecision.Allowed, evaluation!.Decision);
        Assert.Equal("RolesAnywhereClient", evaluation.DecidingStatement?.Sid);
        Assert.Equal(["sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity"], evaluation.Actions.Select(a => a.Action));
        Assert.All(evaluation.Actions, a => Assert.Equal(PolicyDecision.Allowed, a.Decision));
    }

    [Fact]
    public async Task CreateSession_CommonNameNotInPolicy_AccessDeniedNamingOnlyTheRole()
    {
        var request = RequestForNewRole(Policy(fixture.EcAnchorArn, commonName: "db-1.example.com"));

        using var response = await fixture.SendAsync(request);

        var message = await ResponseAssert.ErrorAsync(response, HttpStatusCode.Forbidden, "AccessDeniedException", "Unable to assume role for " + request.RoleArn);
        Assert.Equal("Unable to assume role for " + request.RoleArn, message);
        var record = fixture.Emulator.Requests[^1];
        Assert.Equal(PolicyDecision.ImplicitDeny, record.TrustPolicyEvaluation!.Decision);
        Assert.Contains("x509Subject/CN", record.TrustPolicyEvaluation.Explanation, StringComparison.Ordinal);
        Assert.Contains("db-1.example.com", record.RejectionReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateSession_PolicyPinnedToAnotherTrustAnchor_Denied()
    {
        var request = RequestForNewRole(Policy(fixture.RsaAnchorArn));

        var record = await SendAsync(request);

        Assert.Equal(403, record.StatusCode);
        Assert.Equal(PolicyDecision.ImplicitDeny, record.TrustPolicyEvaluation!.Decision);
        Assert.Contains("aws:SourceArn", record.TrustPolicyEvaluation.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateSession_ExplicitDenyBesideMatchingAllow_DenyWins()
    {
        var policy = $$"""
            {
              "Version": "2012-10-17",
              "Statement": [
                { "Sid": "Allow", "Effect": "Allow", "Principal": { "Service": "rolesanywhere.amazonaws.com" },
                  "Action": ["sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity"],
                  "Condition": { "ArnEquals": { "aws:SourceArn": "{{fixture.EcAnchorArn}}" } } },
                { "Sid": "NoTestRoots", "Effect": "Deny", "Principal": { "Service": "rolesanywhere.amazonaws.com" },
                  "Action": "sts:*",
                  "Condition": { "StringLike": { "aws:PrincipalTag/x509Issuer/CN": "*Test Root*" } } }
              ]
            }
            """;
        var request = RequestForNewRole(policy);

        var record = await SendAsync(request);

        Assert.Equal(403, record.StatusCode);
        Assert.Equal("AccessDeniedException", record.ErrorType);
        Assert.Equal(PolicyDecision.ExplicitDeny, record.TrustPolicyEvaluation!.Decision);
        Assert.Equal("NoTestRoots", record.TrustPolicyEvaluation.DecidingStatement?.Sid);
    }

    [Fact]
    public async Task CreateSession_ConditionOnTagTheMappingDrops_DeniedAndRecordShowsTheDrop()
    {
        // The profile maps only the issuer: the subject CN never becomes a tag, so the policy's CN condition cannot match.
        const string IssuerOnly = """{"profile":{"attributeMappings":[{"certificateField":"x509Issuer","mappingRules":[{"specifier":"*"}]}]}}""";
        var request = RequestForNewRole(Policy(fixture.EcAnchorArn), IssuerOnly);

        var record = await SendAsync(request);

        Assert.Equal(403, record.StatusCode);
        Assert.False(record.SessionIdentity!.TryGetTag("x509Subject/CN", out _));
        Assert.Contains(record.SessionIdentity.DroppedTags, d => d.Key == "x509Subject/CN");
        Assert.Equal(PolicyDecision.ImplicitDeny, record.TrustPolicyEvaluation!.Decision);
    }

    [Fact]
    public async Task CreateSession_PolicyWithoutSetSourceIdentity_Denied()
    {
        var request = RequestForNewRole(Policy(fixture.EcAnchorArn).Replace(", \"sts:SetSourceIdentity\"", string.Empty, StringComparison.Ordinal));

        var record = await SendAsync(request);

        Assert.Equal(403, record.StatusCode);
        var setSourceIdentity = record.TrustPolicyEvaluation!.Actions.Single(a => a.Action == "sts:SetSourceIdentity");
        Assert.Equal(PolicyDecision.ImplicitDeny, setSourceIdentity.Decision);
        Assert.Contains("sts:SetSourceIdentity", record.RejectionReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateSession_ConditionOutsideTheModel_RefusedSayingSoNeverAllowed()
    {
        var policy = Policy(fixture.EcAnchorArn).Replace(
            "\"StringEquals\"", "\"DateLessThan\": { \"aws:CurrentTime\": \"2999-01-01T00:00:00Z\" }, \"StringEquals\"", StringComparison.Ordinal);
        var request = RequestForNewRole(policy);

        using var response = await fixture.SendAsync(request);

        await ResponseAssert.ErrorAsync(response, HttpStatusCode.Forbidden, "AccessDeniedException", "the emulator cannot evaluate its trust policy");
        var record = fixture.Emulator.Requests[^1];
        Assert.Equal(PolicyDecision.Unsupported, record.TrustPolicyEvaluation!.Decision);
        Assert.Contains("DateLessThan", record.RejectionReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetTrustPolicy_Null_RemovesThePolicy()
    {
        var request = RequestForNewRole(Policy(fixture.EcAnchorArn, commonName: "someone-else"));
        Assert.Equal(403, (await SendAsync(request)).StatusCode);

        fixture.Emulator.SetTrustPolicy(request.RoleArn, null);

        var record = await SendAsync(request);
        Assert.Equal(201, record.StatusCode);
        Assert.Null(record.TrustPolicyEvaluation);
    }

    [Fact]
    public void SetTrustPolicy_MalformedJson_NamesLineAndColumn()
    {
        var role = fixture.Emulator.RoleArn("malformed");

        var ex = Assert.Throws<AuthorizationDocumentException>(() => fixture.Emulator.SetTrustPolicy(role, "{\n  \"Statement\": [\n    {,\n  ]\n}"));

        Assert.Equal(3, ex.Line);
        Assert.NotNull(ex.Column);
    }

    [Theory]
    [InlineData("arn:aws:iam::111122223333:user/alice")]
    [InlineData("arn:aws:iam::999999999999:role/app")]
    [InlineData("app")]
    public void SetTrustPolicy_NotARoleOfThisEmulator_ArgumentException(string roleArn)
    {
        var ex = Assert.Throws<ArgumentException>(() => fixture.Emulator.SetTrustPolicy(roleArn, Policy(fixture.EcAnchorArn)));

        Assert.Equal("roleArn", ex.ParamName);
    }

    [Fact]
    public void AddProfile_MalformedAttributeMapping_RefusedWhenAdded()
    {
        var profile = new EmulatorProfile { RoleArns = [fixture.RoleArn], AttributeMappingsJson = """[{"certificateField":"x509Subjekt","mappingRules":[]}]""" };

        var ex = Assert.Throws<AuthorizationDocumentException>(() => fixture.Emulator.AddProfile(profile));

        Assert.Contains("x509Subjekt", ex.Message, StringComparison.Ordinal);
    }
}
