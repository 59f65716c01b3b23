using System.Net;
using RolesAnywhere.Credentials.Authorization.Policies;
using RolesAnywhere.Credentials.Sessions;
using RolesAnywhere.Credentials.Testing;

namespace RolesAnywhere.Credentials.Tests.Credentials;

/// <summary>
/// A role's trust policy enforced by the emulator, seen through <see cref="RolesAnywhereAWSCredentials"/> over real HTTP:
/// credentials when it allows, the service's refusal (with advice on checking the policy) when it does not.
/// </summary>
public sealed class TrustPolicyTests
{
    // EmulatorWorld.IssueOptions() issues CN=client EcdsaP256 under CN=Credentials Test Root.
    private const string ClientCommonName = "client EcdsaP256";

    private static string Policy(string trustAnchorArn, string commonName = ClientCommonName, string extraStatement = "") => $$"""
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "OnPremisesClient",
              "Effect": "Allow",
              "Principal": { "Service": "rolesanywhere.amazonaws.com" },
              "Action": ["sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity"],
              "Condition": {
                "ArnEquals": { "aws:SourceArn": "{{trustAnchorArn}}" },
                "StringEquals": {
                  "aws:PrincipalTag/x509Subject/CN": "{{commonName}}",
                  "aws:PrincipalTag/x509Issuer/CN": "Credentials Test Root"
                }
              }
            }{{extraStatement}}
          ]
        }
        """;

    [Fact]
    public async Task GetCredentials_PolicyAllowsTheCertificate_CredentialsFromTheAllowedSession()
    {
        await using var world = await EmulatorWorld.StartAsync();
        world.Emulator.SetTrustPolicy(world.RoleArn, Policy(world.TrustAnchorArn));
        using var credentials = world.Credentials(world.IssueOptions());

        var immutable = await credentials.GetCredentialsAsync();

        var request = Assert.Single(world.SessionRequests);
        Assert.Equal(request.IssuedAccessKeyId, immutable.AccessKey);
        Assert.Equal(PolicyDecision.Allowed, request.TrustPolicyEvaluation!.Decision);
        Assert.Equal("OnPremisesClient", request.TrustPolicyEvaluation.DecidingStatement?.Sid);
        Assert.Equal("CN=" + ClientCommonName, request.SessionIdentity!.SourceIdentity);
    }

    [Fact]
    public async Task GetCredentials_PolicyForAnotherCertificate_ServiceExceptionWithPolicyAdviceNotRetried()
    {
        await using var world = await EmulatorWorld.StartAsync();
        world.Emulator.SetTrustPolicy(world.RoleArn, Policy(world.TrustAnchorArn, commonName: "db-1.example.com"));
        using var credentials = world.Credentials(world.IssueOptions());

        var ex = await Assert.ThrowsAsync<RolesAnywhereServiceException>(credentials.GetCredentialsAsync);

        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Equal("AccessDeniedException", ex.ErrorType);
        Assert.Contains("Unable to assume role for " + world.RoleArn, ex.Message, StringComparison.Ordinal);
        Assert.Contains(ServiceErrorHints.CheckTrustPolicy, ex.Message, StringComparison.Ordinal);
        var request = Assert.Single(world.SessionRequests);
        Assert.Equal(PolicyDecision.ImplicitDeny, request.TrustPolicyEvaluation!.Decision);
        Assert.Contains("db-1.example.com", request.TrustPolicyEvaluation.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCredentials_ExplicitDenyBesideMatchingAllow_DenyWins()
    {
        await using var world = await EmulatorWorld.StartAsync();
        const string DenyThisRoot = """
            ,
            {
              "Sid": "RetiredRoot",
              "Effect": "Deny",
              "Principal": { "Service": "rolesanywhere.amazonaws.com" },
              "Action": "sts:AssumeRole",
              "Condition": { "StringEquals": { "aws:PrincipalTag/x509Issuer/CN": "Credentials Test Root" } }
            }
            """;
        world.Emulator.SetTrustPolicy(world.RoleArn, Policy(world.TrustAnchorArn, extraStatement: DenyThisRoot));
        using var credentials = world.Credentials(world.IssueOptions());

        var ex = await Assert.ThrowsAsync<RolesAnywhereServiceException>(credentials.GetCredentialsAsync);

        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        var evaluation = Assert.Single(world.SessionRequests).TrustPolicyEvaluation!;
        Assert.Equal(PolicyDecision.ExplicitDeny, evaluation.Decision);
        Assert.Equal("RetiredRoot", evaluation.DecidingStatement?.Sid);
        Assert.Equal(PolicyDecision.Allowed, evaluation.Actions.Single(a => a.Action == "sts:TagSession").Decision);
    }

    [Fact]
    public async Task GetCredentials_ConditionOnTagTheProfileMappingDrops_Denied()
    {
        await using var world = await EmulatorWorld.StartAsync();
        // The profile maps the subject's OU only: x509Subject/CN, which the policy requires, never becomes a tag.
        world.Emulator.UpdateProfile(world.ProfileArn, new EmulatorProfile
        {
            RoleArns = [world.RoleArn],
            AttributeMappingsJson = """
                {"profile":{"attributeMappings":[
                  {"certificateField":"x509Subject","mappingRules":[{"specifier":"OU"}]},
                  {"certificateField":"x509Issuer","mappingRules":[{"specifier":"CN"}]}]}}
                """,
        });
        world.Emulator.SetTrustPolicy(world.RoleArn, Policy(world.TrustAnchorArn));
        using var credentials = world.Credentials(world.IssueOptions());

        var ex = await Assert.ThrowsAsync<RolesAnywhereServiceException>(credentials.GetCredentialsAsync);

        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        var request = Assert.Single(world.SessionRequests);
        Assert.Equal([new KeyValuePair<string, string>("x509Issuer/CN", "Credentials Test Root")], request.SessionIdentity!.PrincipalTags);
        Assert.Contains(request.SessionIdentity.DroppedTags, d => d.Key == "x509Subject/CN" && d.Value == ClientCommonName);
        Assert.Equal(PolicyDecision.ImplicitDeny, request.TrustPolicyEvaluation!.Decision);
        Assert.Contains("x509Subject/CN", request.TrustPolicyEvaluation.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCredentials_PolicyFixedAfterRefusal_SameCredentialsObjectSucceedsAfterBackOff()
    {
        await using var world = await EmulatorWorld.StartAsync();
        world.Emulator.SetTrustPolicy(world.RoleArn, Policy(world.TrustAnchorArn, commonName: "someone else"));
        using var credentials = world.Credentials(world.IssueOptions());
        await Assert.ThrowsAsync<RolesAnywhereServiceException>(credentials.GetCredentialsAsync);

        world.Emulator.SetTrustPolicy(world.RoleArn, Policy(world.TrustAnchorArn));
        world.Clock.Advance(TimeSpan.FromMinutes(10)); // past the library's back-off after a refusal
        var immutable = await credentials.GetCredentialsAsync();

        Assert.Equal(world.SessionRequests[^1].IssuedAccessKeyId, immutable.AccessKey);
        Assert.Equal([403, 201], world.SessionRequests.Select(r => r.StatusCode));
    }
}
