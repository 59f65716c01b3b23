using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using RolesAnywhere.Credentials.Audit.Tests.Inputs;
using RolesAnywhere.Credentials.Audit.Tests.Support;
using RolesAnywhere.Credentials.TestSupport;
using RolesAnywhere.Credentials.Tool.Tests.EndToEnd;

namespace RolesAnywhere.Credentials.Audit.Tests.Tool;

/// <summary><c>rolesanywhere audit</c> run as a process: flags, formats, exit codes, standard input and s3:// against moto.</summary>
public sealed class AuditCommandTests : IDisposable
{
    private static readonly string IncidentText = File.ReadAllText(Scenario.IncidentPath);
    private readonly AuditWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    /// <summary>Runs the built tool (or <c>ROLESANYWHERE_TOOL_PATH</c>) with no AWS settings from the machine.</summary>
    private static Task<ExternalProcess> RunToolAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, byte[]? stdin = null) =>
        ExternalProcess.RunAsync(ToolBinary.Path, args, environment ?? new Dictionary<string, string>(), TimeSpan.FromSeconds(90), stdin);

    [Fact]
    public async Task Audit_AllRulesArmed_TextReportExitOne()
    {
        var run = await RunToolAsync(ScenarioArgs(Scenario.IncidentPath));
        Assert.True(run.ExitCode == 1, run.Stderr + run.Stdout);
        Assert.Contains("Findings: 8 high, 2 medium, 2 low.", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("revoked-certificate-used", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Fact]
    public async Task Audit_JsonFromGzipOnStdin_JsonLinesAndSummaryOnStderr()
    {
        var gz = AuditWorkspace.Gzip(System.Text.Encoding.UTF8.GetBytes(IncidentText));
        var run = await RunToolAsync([.. ScenarioArgs("-"), "--format", "json"], stdin: gz);
        Assert.Equal(1, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(12, lines.Length);
        Assert.All(lines, line => Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(line).RootElement.ValueKind));
        Assert.Contains("23 record(s), 3 malformed, 12 finding(s)", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_FailOnHighWithOnlyLowFindings_ExitZero()
    {
        // Only the control-plane period with the refused ImportCrl (low) and nothing else.
        var run = await RunToolAsync(["audit", Scenario.IncidentPath, "--since", "2026-11-20T13:16:00Z", "--until", "2026-11-20T14:00:00Z", "--fail-on", "medium"]);
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains("Findings: 0 high, 0 medium, 1 low.", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_SarifFormat_ParsesAsSarif210()
    {
        var run = await RunToolAsync([.. ScenarioArgs(Scenario.IncidentPath), "--format", "sarif", "--fail-on", "high"]);
        Assert.Equal(1, run.ExitCode);
        using var sarif = JsonDocument.Parse(run.Stdout);
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        Assert.Equal(12, sarif.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
    }

    [Theory]
    [InlineData(new[] { "audit" }, "no INPUT given")]
    [InlineData(new[] { "audit", "x.json", "--format", "xml" }, "--format 'xml' is not text, json or sarif")]
    [InlineData(new[] { "audit", "x.json", "--business-hours", "08:00-18:00" }, "--business-hours and --time-zone go together")]
    [InlineData(new[] { "audit", "x.json", "--since", "last tuesday" }, "--since 'last tuesday' is not a time")]
    [InlineData(new[] { "audit", "x.json", "--fail-on", "critical", "--allowed-cidrs", "10.1.2.3/8" }, "'10.1.2.3/8' is not a CIDR range")]
    [InlineData(new[] { "audit", "x.json", "--known-serials", "/nonexistent/serials.txt" }, "--known-serials /nonexistent/serials.txt")]
    [InlineData(new[] { "audit", "/nonexistent/trail.json" }, "'/nonexistent/trail.json' does not exist")]
    public async Task Audit_WrongCommandLineOrInput_ExitTwoNamingIt(string[] args, string expected)
    {
        var run = await RunToolAsync(args);
        Assert.True(run.ExitCode == 2, run.Stdout + run.Stderr);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_InvalidUtf8Byte_ReportWrittenNoStackTrace()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(IncidentText);
        var at = bytes.AsSpan().IndexOf("CN=web-01"u8);
        bytes[at + 7] = 0xFF;
        var path = _workspace.Write("bad.json", bytes);

        var run = await RunToolAsync(ScenarioArgs(path));

        Assert.True(run.ExitCode == 1, run.Stdout + run.Stderr);
        Assert.Contains("Findings: 8 high, 2 medium, 2 low.", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 with bytes that are not UTF-8", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_TruncatedGzip_ExitTwoNamingTheFileUnlessAllowPartial()
    {
        var gz = AuditWorkspace.Gzip(System.Text.Encoding.UTF8.GetBytes(IncidentText));
        var path = _workspace.Write("cut.json.gz", gz[..(gz.Length * 2 / 3)]);

        var strict = await RunToolAsync(ScenarioArgs(path));
        var partial = await RunToolAsync([.. ScenarioArgs(path), "--allow-partial"]);

        Assert.True(strict.ExitCode == 2, strict.Stdout + strict.Stderr);
        Assert.Contains(path + ": ", strict.Stderr, StringComparison.Ordinal);
        Assert.Contains("record(s) were read before that", strict.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, strict.Stdout);
        Assert.True(partial.ExitCode == 1, partial.Stdout + partial.Stderr);
        Assert.Contains("PARTIAL: 1 input(s) not read to the end", partial.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_EmptyStandardInput_ExitTwo()
    {
        var run = await RunToolAsync(["audit", "-"], stdin: []);

        Assert.True(run.ExitCode == 2, run.Stdout + run.Stderr);
        Assert.Contains("-: the document is empty", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_Timeline_TextPerCertificateWithTheChainedRoleAndExitByFindings()
    {
        var trail = new Trail()
            .Session("web", TimeSpan.Zero, "203.0.113.10", "1a2b3c")
            .Call("e-assume", TimeSpan.FromMinutes(11), "198.51.100.7", "1a2b3c", "sts.amazonaws.com", "AssumeRole",
                requestParameters: new System.Text.Json.Nodes.JsonObject { ["roleArn"] = "arn:aws:iam::111122223333:role/OrganizationAccountAccessRole", ["roleSessionName"] = "pivot" });
        var path = _workspace.Write("pivot.json", trail.ToString());

        var text = await RunToolAsync(["audit", path, "--timeline"]);
        var json = await RunToolAsync(["audit", path, "--timeline", "--format", "json"]);
        var sarif = await RunToolAsync(["audit", path, "--timeline", "--format", "sarif"]);

        Assert.True(text.ExitCode == 1, text.Stdout + text.Stderr);
        Assert.Contains("Certificate 1a2b3c (CN=web): 2 event(s)", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("sts:AssumeRole from 198.51.100.7 (e-assume) -> arn:aws:iam::111122223333:role/OrganizationAccountAccessRole as pivot", text.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, json.ExitCode);
        Assert.Equal("1a2b3c", JsonDocument.Parse(json.Stdout.Split('\n')[0]).RootElement.GetProperty("serialNumber").GetString());
        Assert.Equal(2, sarif.ExitCode);
    }

    [Theory]
    [InlineData("--crl")]
    [InlineData("--known-serials")]
    public async Task Audit_SettingsFileIsADevice_ExitTwoWithoutReadingIt(string flag)
    {
        var run = await RunToolAsync(["audit", Scenario.IncidentPath, flag, "/dev/zero"]);

        Assert.True(run.ExitCode == 2, run.Stdout + run.Stderr);
        Assert.Contains($"{flag} /dev/zero: it is a character device, not a regular file", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_SettingsFileOverTheCap_ExitTwo()
    {
        var path = Path.Combine(_workspace.Root, "huge.crl");
        using (var file = File.Create(path))
        {
            file.SetLength(65L * 1024 * 1024); // sparse: no disk used
        }

        var run = await RunToolAsync(["audit", Scenario.IncidentPath, "--crl", path]);

        Assert.True(run.ExitCode == 2, run.Stdout + run.Stderr);
        Assert.Contains("larger than 64 MiB", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_S3ListingRepeatsItsContinuationToken_StopsWithExitTwo()
    {
        await using var server = RepeatingS3Server.Start("{\"Records\":[]}");
        var environment = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "testing", ["AWS_SECRET_ACCESS_KEY"] = "testing", ["AWS_EC2_METADATA_DISABLED"] = "true" };

        var run = await RunToolAsync(["audit", "s3://trail-bucket/", "--region", "us-east-1", "--endpoint", server.Endpoint.ToString()], environment);

        Assert.True(run.ExitCode == 2, run.Stdout + run.Stderr);
        Assert.Contains("continuation token it had already returned (after 2 page(s)", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, server.Listings);
    }

    [Fact]
    public async Task Audit_S3PrefixOnMoto_ObjectsStreamedAndAudited()
    {
        Requirement.That(MotoServer.Executable is not null, "moto_server is not on PATH (pip install 'moto[server]')");
        using var moto = await MotoServer.StartAsync();
        var credentials = new BasicAWSCredentials("testing", "testing");
        using (var s3 = new AmazonS3Client(credentials, new AmazonS3Config { ServiceURL = moto.Endpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1" }))
        {
            await s3.PutBucketAsync("trail-bucket", TestContext.Current.CancellationToken);
            var (first, second) = InputFormsTests.Split(IncidentText);
            const string Prefix = "AWSLogs/111122223333/CloudTrail/eu-west-1/2026/11/20/";
            await PutGzipAsync(s3, Prefix + "111122223333_CloudTrail_eu-west-1_20261120T0000Z_a.json.gz", first);
            await PutGzipAsync(s3, Prefix + "111122223333_CloudTrail_eu-west-1_20261120T1200Z_b.json.gz", second);
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = "trail-bucket", Key = "AWSLogs/111122223333/CloudTrail-Digest/eu-west-1/2026/11/20/d.json.gz", ContentBody = "{}" }, TestContext.Current.CancellationToken);
        }

        var environment = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "testing", ["AWS_SECRET_ACCESS_KEY"] = "testing", ["AWS_EC2_METADATA_DISABLED"] = "true" };
        var run = await RunToolAsync(
            [.. ScenarioArgs("s3://trail-bucket/AWSLogs/111122223333/"), "--region", "us-east-1", "--endpoint", moto.Endpoint.ToString(), "--format", "json"], environment);

        Assert.True(run.ExitCode == 1, run.Stderr);
        Assert.Contains("2 document(s), 23 record(s), 3 malformed, 12 finding(s)", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("\"input\":\"s3://trail-bucket/AWSLogs/111122223333/CloudTrail/eu-west-1/2026/11/20/111122223333_CloudTrail_eu-west-1_20261120T1200Z_b.json.gz\"", run.Stdout, StringComparison.Ordinal);

        var missing = await RunToolAsync(["audit", "s3://no-such-bucket/", "--region", "us-east-1", "--endpoint", moto.Endpoint.ToString()], environment);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("s3://no-such-bucket/: listing failed: NoSuchBucket", missing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_EveryJsonOutput_WritesPlusAsItself()
    {
        // One JSON writer setting for every command (GoJsonEncoder): the default encoder wrote '+' as \u002B, unlike the
        // rest of the tool, which breaks grep/jq pipelines written against the printed ARNs.
        var input = _workspace.Write("plus.json", IncidentText.Replace("role/app", "role/app+db", StringComparison.Ordinal));
        foreach (var format in new[] { new[] { "--format", "json" }, ["--format", "sarif"], ["--timeline", "--format", "json"] })
        {
            var run = await RunToolAsync([.. ScenarioArgs(input), .. format]);

            Assert.True(run.ExitCode is 0 or 1, run.Stderr);
            Assert.Contains("role/app+db", run.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("\\u002B", run.Stdout, StringComparison.OrdinalIgnoreCase);
        }
    }

    private string[] ScenarioArgs(string input)
    {
        var serials = _workspace.Write("known.txt", "# fleet\nserial=1A2B3C\n0x0bad\n");
        var crl = _workspace.Write("corp.crl", TestCrl.Der(("0bad", Scenario.RevokedAt)));
        return ["audit", input, "--allowed-cidrs", "203.0.113.0/24", "--known-serials", serials, "--crl", crl,
            "--business-hours", "08:00-18:00", "--time-zone", "Europe/Berlin", "--failure-burst", "5/10"];
    }

    private static Task PutGzipAsync(AmazonS3Client s3, string key, string json) =>
        s3.PutObjectAsync(new PutObjectRequest { BucketName = "trail-bucket", Key = key, InputStream = new MemoryStream(AuditWorkspace.Gzip(System.Text.Encoding.UTF8.GetBytes(json))) }, TestContext.Current.CancellationToken);
}
