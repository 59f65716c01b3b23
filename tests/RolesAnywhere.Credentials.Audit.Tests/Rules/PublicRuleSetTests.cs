using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using RolesAnywhere.Credentials.Audit.Rules;
using RolesAnywhere.Credentials.Audit.Tests.Support;

namespace RolesAnywhere.Credentials.Audit.Tests.Rules;

/// <summary>
/// The rules taken from the public rule sets, on records built from the documented shapes: the request and response
/// members of CreateTrustAnchor and CreateProfile (API reference, https://docs.aws.amazon.com/rolesanywhere/latest/APIReference/API_CreateTrustAnchor.html,
/// API_CreateProfile.html, API_Source.html) in the management-event envelope of the logging page, and IAM's CreateRole /
/// UpdateAssumeRolePolicy with the trust policy in <c>assumeRolePolicyDocument</c> / <c>policyDocument</c>.
/// </summary>
public sealed class PublicRuleSetTests : IDisposable
{
    private const string NewAnchorArn = "arn:aws:rolesanywhere:eu-west-1:111122223333:trust-anchor/9f1e2d3c-0000-4000-8000-000000000001";
    private const string NewProfileArn = "arn:aws:rolesanywhere:eu-west-1:111122223333:profile/9f1e2d3c-0000-4000-8000-000000000002";
    private readonly AuditWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Run_StratusCreateTrustAnchorTechnique_PersistenceHighAndExternalCaWithSubjectAndFingerprint()
    {
        var (pem, fingerprint) = AttackerCa();
        var trail = StratusSteps(pem).Session("rogue", TimeSpan.FromMinutes(20), "198.51.100.7", "dead01", anchorArn: NewAnchorArn);

        var result = await RunAsync(trail);

        var persistence = Assert.Single(result.Findings, f => f.Rule == "trust-anchor-persistence");
        Assert.Equal((Severity.High, "e-create-anchor", NewAnchorArn), (persistence.Severity, persistence.EventId, persistence.TrustAnchorArn));
        Assert.Equal(["e-create-anchor", "e-create-profile", "rogue"], persistence.RelatedEventIds);
        Assert.Contains("arn:aws:iam::111122223333:user/mallory", persistence.Message, StringComparison.Ordinal);
        Assert.Contains(NewProfileArn, persistence.Message, StringComparison.Ordinal);
        Assert.Equal("dead01", persistence.SerialNumber);

        var external = Assert.Single(result.Findings, f => f.Rule == "external-ca-trust-anchor");
        Assert.Equal(Severity.Medium, external.Severity);
        Assert.Contains("sourceType CERTIFICATE_BUNDLE", external.Message, StringComparison.Ordinal);
        Assert.Contains("CN=Stratus Red Team CA", external.Message, StringComparison.Ordinal);
        Assert.Contains(fingerprint, external.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_AnchorAndProfileWithoutASession_PersistenceMedium()
    {
        var result = await RunAsync(StratusSteps(AttackerCa().Pem));

        Assert.Equal(Severity.Medium, Assert.Single(result.Findings, f => f.Rule == "trust-anchor-persistence").Severity);
    }

    [Fact]
    public async Task Run_AnchorAndProfileByDifferentPrincipalsOrFarApart_NoPersistenceFinding()
    {
        var pem = AttackerCa().Pem;
        var twoPeople = new Trail()
            .Admin("e-create-anchor", TimeSpan.Zero, "rolesanywhere.amazonaws.com", "CreateTrustAnchor", AnchorRequest("CERTIFICATE_BUNDLE", pem), AnchorResponse(), user: "mallory")
            .Admin("e-create-profile", TimeSpan.FromMinutes(5), "rolesanywhere.amazonaws.com", "CreateProfile", ProfileRequest(), ProfileResponse(), user: "alice");
        var dayApart = new Trail()
            .Admin("e-create-anchor", TimeSpan.Zero, "rolesanywhere.amazonaws.com", "CreateTrustAnchor", AnchorRequest("CERTIFICATE_BUNDLE", pem), AnchorResponse(), user: "mallory")
            .Admin("e-create-profile", TimeSpan.FromHours(25), "rolesanywhere.amazonaws.com", "CreateProfile", ProfileRequest(), ProfileResponse(), user: "mallory");

        Assert.DoesNotContain((await RunAsync(twoPeople)).Findings, f => f.Rule == "trust-anchor-persistence");
        Assert.DoesNotContain((await RunAsync(dayApart)).Findings, f => f.Rule == "trust-anchor-persistence");
    }

    [Fact]
    public async Task Run_AnchorOnAwsPrivateCa_NoExternalCaFinding()
    {
        var request = new JsonObject
        {
            ["name"] = "pca-anchor",
            ["enabled"] = true,
            ["source"] = new JsonObject
            {
                ["sourceType"] = "AWS_ACM_PCA",
                ["sourceData"] = new JsonObject { ["acmPcaArn"] = "arn:aws:acm-pca:eu-west-1:111122223333:certificate-authority/11111111-2222-3333-4444-555555555555" },
            },
        };
        var trail = new Trail().Admin("e-create-anchor", TimeSpan.Zero, "rolesanywhere.amazonaws.com", "CreateTrustAnchor", request, AnchorResponse());

        var result = await RunAsync(trail);

        Assert.DoesNotContain(result.Findings, f => f.Rule == "external-ca-trust-anchor");
        Assert.Contains(result.Findings, f => f.Rule == "trust-anchor-changed");
    }

    [Fact]
    public async Task Run_RefusedExternalAnchor_Low()
    {
        var trail = new Trail().Admin("e-create-anchor", TimeSpan.Zero, "rolesanywhere.amazonaws.com", "CreateTrustAnchor",
            AnchorRequest("CERTIFICATE_BUNDLE", AttackerCa().Pem), null, error: "AccessDeniedException");

        var finding = Assert.Single((await RunAsync(trail)).Findings, f => f.Rule == "external-ca-trust-anchor");

        Assert.Equal(Severity.Low, finding.Severity);
    }

    [Theory]
    // No condition at all: any certificate of any anchor in the account.
    [InlineData("CreateRole", Unconditioned, "High", "no condition on the trust anchor or the certificate")]
    // Pinned to an anchor but no certificate condition.
    [InlineData("UpdateAssumeRolePolicy", PinnedOnly, "Medium", "no condition on the certificate")]
    public async Task Run_RoleTrustPolicyWithoutConditions_PermissiveRoleTrust(string eventName, string policy, string severity, string expected)
    {
        var finding = Assert.Single((await RunAsync(RoleTrust(eventName, policy))).Findings, f => f.Rule == "permissive-role-trust");

        Assert.Equal(Enum.Parse<Severity>(severity), finding.Severity);
        Assert.Contains(expected, finding.Message, StringComparison.Ordinal);
        Assert.Contains("role rolesanywhere-escalation", finding.Message, StringComparison.Ordinal);
        Assert.Contains("lint RA00", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_RoleTrustPolicyPinnedAndConditioned_NoFinding()
    {
        Assert.DoesNotContain((await RunAsync(RoleTrust("CreateRole", Conditioned))).Findings, f => f.Rule == "permissive-role-trust");
    }

    [Fact]
    public async Task Run_RoleTrustPolicyUrlEncodedAsIamReturnsIt_StillJudged()
    {
        var trail = RoleTrust("UpdateAssumeRolePolicy", Uri.EscapeDataString(Unconditioned));

        Assert.Contains((await RunAsync(trail)).Findings, f => f.Rule == "permissive-role-trust" && f.Severity == Severity.High);
    }

    [Fact]
    public async Task Run_RoleTrustPolicyForAnotherService_Ignored()
    {
        const string Ec2 = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

        Assert.DoesNotContain((await RunAsync(RoleTrust("CreateRole", Ec2))).Findings, f => f.Rule == "permissive-role-trust");
    }

    private const string Unconditioned =
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"rolesanywhere.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"]}]}""";

    private const string PinnedOnly =
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"rolesanywhere.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"],"Condition":{"ArnEquals":{"aws:SourceArn":"arn:aws:rolesanywhere:eu-west-1:111122223333:trust-anchor/4a0e5f21-6b7c-4d8e-9f01-23456789abcd"}}}]}""";

    private const string Conditioned =
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"rolesanywhere.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"],"Condition":{"ArnEquals":{"aws:SourceArn":"arn:aws:rolesanywhere:eu-west-1:111122223333:trust-anchor/4a0e5f21-6b7c-4d8e-9f01-23456789abcd"},"StringEquals":{"aws:PrincipalTag/x509Subject/CN":"web-01"}}}]}""";

    private static Trail RoleTrust(string eventName, string policy)
    {
        var request = eventName == "CreateRole"
            ? new JsonObject { ["roleName"] = "rolesanywhere-escalation", ["assumeRolePolicyDocument"] = policy }
            : new JsonObject { ["roleName"] = "rolesanywhere-escalation", ["policyDocument"] = policy };
        var response = eventName == "CreateRole"
            ? new JsonObject { ["role"] = new JsonObject { ["roleName"] = "rolesanywhere-escalation", ["arn"] = "arn:aws:iam::111122223333:role/rolesanywhere-escalation" } }
            : null;
        return new Trail().Admin("e-role", TimeSpan.Zero, "iam.amazonaws.com", eventName, request, response, user: "mallory");
    }

    /// <summary>Stratus Red Team's aws.persistence.rolesanywhere-create-trust-anchor, as its CloudTrail records: the anchor on the attacker's CA, then a profile.</summary>
    private static Trail StratusSteps(string pem) => new Trail()
        .Admin("e-create-anchor", TimeSpan.Zero, "rolesanywhere.amazonaws.com", "CreateTrustAnchor", AnchorRequest("CERTIFICATE_BUNDLE", pem), AnchorResponse(), user: "mallory")
        .Admin("e-create-profile", TimeSpan.FromMinutes(2), "rolesanywhere.amazonaws.com", "CreateProfile", ProfileRequest(), ProfileResponse(), user: "mallory");

    private static JsonObject AnchorRequest(string sourceType, string pem) => new()
    {
        ["name"] = "stratus-red-team-anchor",
        ["enabled"] = true,
        ["source"] = new JsonObject { ["sourceType"] = sourceType, ["sourceData"] = new JsonObject { ["x509CertificateData"] = pem } },
    };

    private static JsonObject AnchorResponse() => new()
    {
        ["trustAnchor"] = new JsonObject
        {
            ["trustAnchorArn"] = NewAnchorArn,
            ["trustAnchorId"] = "9f1e2d3c-0000-4000-8000-000000000001",
            ["name"] = "stratus-red-team-anchor",
            ["enabled"] = true,
        },
    };

    private static JsonObject ProfileRequest() => new()
    {
        ["name"] = "stratus-red-team-profile",
        ["enabled"] = true,
        ["roleArns"] = new JsonArray("arn:aws:iam::111122223333:role/rolesanywhere-escalation"),
    };

    private static JsonObject ProfileResponse() => new()
    {
        ["profile"] = new JsonObject { ["profileArn"] = NewProfileArn, ["profileId"] = "9f1e2d3c-0000-4000-8000-000000000002", ["name"] = "stratus-red-team-profile" },
    };

    private static (string Pem, string Fingerprint) AttackerCa()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Stratus Red Team CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return (ca.ExportCertificatePem(), Convert.ToHexString(SHA256.HashData(ca.RawData)));
    }

    private async Task<AuditResult> RunAsync(Trail trail)
    {
        var path = _workspace.Write($"trail-{Guid.NewGuid():N}.json", trail.ToString());
        return await Scenario.RunAsync(new AuditOptions { Inputs = [path] });
    }
}
