using System.Text.Json;
using RolesAnywhere.Credentials.Testing.Certificates;
using RolesAnywhere.Credentials.Tool.Tests.Support;

namespace RolesAnywhere.Credentials.Tool.Tests.EndToEnd;

/// <summary>
/// <c>inspect</c> and <c>policy generate|evaluate|lint</c> run as processes on files, checked through their JSON and exit codes.
/// Trust policy shapes follow https://docs.aws.amazon.com/rolesanywhere/latest/userguide/attribute-mapping-and-trust-policy.html.
/// </summary>
public sealed class TrustCommandsEndToEndTests : IDisposable
{
    private const string Anchor = "arn:aws:rolesanywhere:eu-west-1:111122223333:trust-anchor/ta1";
    private const string OtherAnchor = "arn:aws:rolesanywhere:eu-west-1:111122223333:trust-anchor/ta2";
    private static readonly Dictionary<string, string> NoEnvironment = [];

    private readonly TempDirectory _dir = new();
    private readonly TestCertificateAuthority _ca = TestCertificateAuthority.CreateRoot(new TestCertificateOptions { SubjectName = "CN=Data CA, O=Example" });

    public TrustCommandsEndToEndTests()
    {
        using var client = _ca.IssueClientCertificate(new TestCertificateOptions { SubjectName = "CN=db-1.example.com, OU=Data" });
        TestCertificatePem.WriteFiles(client, _dir.File("client.pem"), _dir.File("client.key"));
        File.WriteAllText(_dir.File("ca.pem"), TestCertificatePem.Certificate(_ca.Certificate));
    }

    public void Dispose()
    {
        _ca.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task Inspect_Json_IdentityTagsAndChain()
    {
        var run = await Tool("inspect", "--certificate", _dir.File("client.pem"), "--trust-anchor-certificate", _dir.File("ca.pem"), "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal("CN=db-1.example.com", root.GetProperty("sourceIdentity").GetString());
        Assert.Equal("db-1.example.com", root.GetProperty("principalTags").GetProperty("x509Subject/CN").GetString());
        Assert.Equal("Data CA", root.GetProperty("principalTags").GetProperty("x509Issuer/CN").GetString());
        Assert.True(root.GetProperty("chainValid").GetBoolean());
        Assert.Matches("^[0-9]+$", root.GetProperty("serialNumber").GetString()!);
        Assert.Matches("^[0-9a-f]+$", root.GetProperty("roleSessionName").GetString()!);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("problems").ValueKind);
    }

    [Fact]
    public async Task Inspect_WrongTrustAnchor_ExitOneWithProblem()
    {
        using var other = TestCertificateAuthority.CreateRoot(new TestCertificateOptions { SubjectName = "CN=Other CA" });
        File.WriteAllText(_dir.File("other.pem"), TestCertificatePem.Certificate(other.Certificate));

        var run = await Tool("inspect", "--certificate", _dir.File("client.pem"), "--trust-anchor-certificate", _dir.File("other.pem"), "--format", "json");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.False(json.RootElement.GetProperty("chainValid").GetBoolean());
        Assert.Contains(json.RootElement.GetProperty("problems").EnumerateArray(), p => p.GetProperty("severity").GetString() == "error");
    }

    [Fact]
    public async Task Inspect_MLDsaCertificateWithTrustAnchor_ReportsInsteadOfStopping()
    {
        // Before: "rolesanywhere: error:0580006C:x509 certificate routines::unable to get certs public key", exit 1, no report.
        var run = await Tool("inspect", "--certificate", RolesAnywhere.Credentials.TestSupport.TestVectors.PathOf("mldsa/mldsa65-leaf.pem"),
            "--trust-anchor-certificate", RolesAnywhere.Credentials.TestSupport.TestVectors.PathOf("mldsa/mldsa65-root.pem"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Source identity:   CN=mldsa65-workload", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(System.Security.Cryptography.MLDsa.IsSupported ? "Chain:             valid" : "Chain:             not checked on this platform", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateThenLintThenEvaluate_GeneratedPolicyIsCleanAndAllowsOnlyThePinnedAnchor()
    {
        var generated = await Tool("policy", "generate", "--trust-anchor-arn", Anchor, "--certificate", _dir.File("client.pem"));
        Assert.True(generated.ExitCode == 0, generated.ToString());
        File.WriteAllText(_dir.File("trust.json"), generated.Stdout);

        var lint = await Tool("policy", "lint", _dir.File("trust.json"), "--format", "json", "--fail-on", "low");
        var allowed = await Tool("policy", "evaluate", "--policy", _dir.File("trust.json"), "--certificate", _dir.File("client.pem"), "--trust-anchor-arn", Anchor, "--format", "json");
        var denied = await Tool("policy", "evaluate", "--policy", _dir.File("trust.json"), "--certificate", _dir.File("client.pem"), "--trust-anchor-arn", OtherAnchor, "--format", "json");

        Assert.True(lint.ExitCode == 0, lint.ToString());
        Assert.Equal("[]", lint.Stdout.Trim());
        Assert.True(allowed.ExitCode == 0, allowed.ToString());
        using (var json = JsonDocument.Parse(allowed.Stdout))
        {
            Assert.Equal("allowed", json.RootElement.GetProperty("decision").GetString());
            Assert.Equal("RolesAnywhere", json.RootElement.GetProperty("statement").GetString());
        }

        Assert.Equal(1, denied.ExitCode);
        using (var json = JsonDocument.Parse(denied.Stdout))
        {
            Assert.Equal("implicitDeny", json.RootElement.GetProperty("decision").GetString());
            Assert.Contains("aws:SourceArn", json.RootElement.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Lint_UnpinnedPolicyAsGetRoleOutput_FindingsAndExitOne()
    {
        File.WriteAllText(_dir.File("role.json"), """
            {"Role":{"RoleName":"db","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Principal":{"Service":"rolesanywhere.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession"]}]}}}
            """);

        var run = await Tool("policy", "lint", _dir.File("role.json"), "--format", "json");
        var onlyErrors = await Tool("policy", "lint", _dir.File("role.json"), "--fail-on", "error");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var rules = json.RootElement.EnumerateArray().Select(f => f.GetProperty("rule").GetString()!).Order().ToArray();
        Assert.Equal(["RA001", "RA002", "RA006"], rules);
        Assert.All(json.RootElement.EnumerateArray(), f => Assert.True(f.TryGetProperty("statement", out _) && f.TryGetProperty("severity", out _) && f.TryGetProperty("message", out _)));
        Assert.Equal(1, onlyErrors.ExitCode);
    }

    [Fact]
    public async Task Evaluate_MalformedPolicy_ExitTwoNamingLineAndColumn()
    {
        File.WriteAllText(_dir.File("bad.json"), "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [ {\"Effect\": \"Allow\" \"Action\": \"sts:*\"} ]\n}");

        var run = await Tool("policy", "evaluate", "--policy", _dir.File("bad.json"), "--certificate", _dir.File("client.pem"), "--trust-anchor-arn", Anchor);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("line 3, column 37", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_UnsupportedOperator_ExitThreeSaysCannotTell()
    {
        File.WriteAllText(_dir.File("time.json"), """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"rolesanywhere.amazonaws.com"},"Action":"sts:*",
              "Condition":{"ArnEquals":{"aws:SourceArn":"ANCHOR"},"DateLessThan":{"aws:CurrentTime":"2030-01-01T00:00:00Z"}}}]}
            """.Replace("ANCHOR", Anchor, StringComparison.Ordinal));

        var run = await Tool("policy", "evaluate", "--policy", _dir.File("time.json"), "--certificate", _dir.File("client.pem"), "--trust-anchor-arn", Anchor);

        Assert.Equal(3, run.ExitCode);
        Assert.StartsWith("CANNOT TELL", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("DateLessThan", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_MalformedMapping_ExitTwoNamingLineAndColumn()
    {
        File.WriteAllText(_dir.File("mapping.json"), "{\"attributeMappings\": [\n  {\"certificateField\": \"x509Subject\",, }\n]}");

        var run = await Tool("inspect", "--certificate", _dir.File("client.pem"), "--attribute-mapping", _dir.File("mapping.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("line 2", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("mapping.json", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_AttributeTheCertificateLacks_ExitTwoListingItsTags()
    {
        var run = await Tool("policy", "generate", "--trust-anchor-arn", Anchor, "--certificate", _dir.File("client.pem"), "--match", "x509SAN/DNS");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("x509Subject/CN", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_EscapedWildcardInArnEquals_IsDenied()
    {
        // ${*} is a literal '*' (reference_policies_variables.html, special characters): no trust anchor is named '*'.
        File.WriteAllText(_dir.File("escaped.json"), """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"rolesanywhere.amazonaws.com"},
              "Action":["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"],
              "Condition":{"ArnEquals":{"aws:SourceArn":"arn:aws:rolesanywhere:eu-west-1:111122223333:trust-anchor/${*}"}}}]}
            """);

        var run = await Tool("policy", "evaluate", "--policy", _dir.File("escaped.json"), "--certificate", _dir.File("client.pem"), "--trust-anchor-arn", Anchor);
        var lint = await Tool("policy", "lint", _dir.File("escaped.json"));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith("DENIED", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, lint.ExitCode);
        Assert.Contains("RA010", lint.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JudgingCommands_UnreadableInput_ExitTwoNamingTheFlag()
    {
        File.WriteAllText(_dir.File("garbage.pem"), "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n");
        File.WriteAllText(_dir.File("allow.json"), """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"rolesanywhere.amazonaws.com"},"Action":"sts:*"}]}""");

        var missingPolicy = await Tool("policy", "evaluate", "--policy", _dir.File("absent.json"), "--certificate", _dir.File("client.pem"), "--trust-anchor-arn", Anchor);
        var badCertificate = await Tool("policy", "evaluate", "--policy", _dir.File("allow.json"), "--certificate", _dir.File("garbage.pem"), "--trust-anchor-arn", Anchor);
        var inspect = await Tool("inspect", "--certificate", _dir.File("garbage.pem"));

        foreach (var run in new[] { missingPolicy, badCertificate, inspect })
        {
            Assert.True(run.ExitCode == 2, run.ToString());
            Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        }

        Assert.Contains("--policy", missingPolicy.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("----policy", missingPolicy.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_CertificateTheCredentialsRefuse_ExitsOne()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(1024);
        using var weak = _ca.IssueCertificate(rsa, new TestCertificateOptions { SubjectName = "CN=rsa1024" });
        File.WriteAllText(_dir.File("rsa1024.pem"), TestCertificatePem.Certificate(weak));

        var run = await Tool("inspect", "--certificate", _dir.File("rsa1024.pem"), "--trust-anchor-certificate", _dir.File("ca.pem"));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("RSA-1024", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_NameWithEscapeSequences_PrintedEscapedNotRaw()
    {
        var name = new System.Security.Cryptography.X509Certificates.X500DistinguishedNameBuilder();
        name.AddCommonName("db\u001b]0;owned\u0007\u001b[2J\u202eevil");
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(name.Build(), key, System.Security.Cryptography.HashAlgorithmName.SHA256);
        using var hostile = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        File.WriteAllText(_dir.File("hostile.pem"), hostile.ExportCertificatePem());

        var run = await Tool("inspect", "--certificate", _dir.File("hostile.pem"));

        Assert.DoesNotContain('\u001b', run.Stdout);
        Assert.DoesNotContain('\u0007', run.Stdout);
        Assert.DoesNotContain('\u202e', run.Stdout);
        Assert.Contains("db\\x1b]0;owned\\x07\\x1b[2J\\u202eevil", run.Stdout, StringComparison.Ordinal);
    }

    private static Task<ExternalProcess> Tool(params string[] args) => ExternalProcess.RunAsync(ToolBinary.Path, args, NoEnvironment);
}
