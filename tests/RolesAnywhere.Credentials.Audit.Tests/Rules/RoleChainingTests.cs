using System.Text.Json;
using System.Text.Json.Nodes;
using RolesAnywhere.Credentials.Audit.Output;
using RolesAnywhere.Credentials.Audit.Rules;
using RolesAnywhere.Credentials.Audit.Tests.Support;

namespace RolesAnywhere.Credentials.Audit.Tests.Rules;

/// <summary>
/// Role chaining out of a Roles Anywhere session. The chained call has the shape of the STS AssumeRole example of
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-integration.html, made by an <c>AssumedRole</c> identity
/// (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html) whose
/// ARN is the certificate's session, <c>assumed-role/app/SERIAL</c>.
/// </summary>
public sealed class RoleChainingTests : IDisposable
{
    private const string Admin = "arn:aws:iam::111122223333:role/OrganizationAccountAccessRole";
    private readonly AuditWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Run_SessionAssumesOrganizationAccountAccessRole_HighWithTargetAndTheChainedCallsLinked()
    {
        var result = await RunAsync(Pivot(Admin));

        var finding = Assert.Single(result.Findings, f => f.Rule == "role-chaining");
        Assert.Equal((Severity.High, "e-assume", "1a2b3c", "198.51.100.7"), (finding.Severity, finding.EventId, finding.SerialNumber, finding.SourceIpAddress));
        Assert.Contains(Admin, finding.Message, StringComparison.Ordinal);
        Assert.Contains("looks administrative", finding.Message, StringComparison.Ordinal);
        Assert.Contains("as session 'pivot'", finding.Message, StringComparison.Ordinal);
        Assert.Equal(["s3:ListBuckets", "sts:AssumeRole", "iam:CreateUser"], finding.LinkedCalls.Select(c => c.EventSource.Split('.')[0] + ":" + c.EventName));
        Assert.Equal(Admin, finding.LinkedCalls[1].TargetRoleArn);
    }

    [Theory]
    [InlineData("arn:aws:iam::444455556666:role/reader", "High", "another account (444455556666)")]
    [InlineData("arn:aws:iam::111122223333:role/PlatformAdministrators", "High", "looks administrative")]
    [InlineData("arn:aws:iam::111122223333:role/reader", "Low", "assumed arn:aws:iam::111122223333:role/reader")]
    public async Task Run_ChainingTargets_SeverityByTarget(string target, string severity, string expected)
    {
        var result = await RunAsync(Pivot(target));

        var finding = Assert.Single(result.Findings, f => f.Rule == "role-chaining");
        Assert.Equal(Enum.Parse<Severity>(severity), finding.Severity);
        Assert.Contains(expected, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_RefusedChainingToAdmin_MediumAttempt()
    {
        var result = await RunAsync(Pivot(Admin, error: "AccessDenied"));

        var finding = Assert.Single(result.Findings, f => f.Rule == "role-chaining");
        Assert.Equal(Severity.Medium, finding.Severity);
        Assert.Contains("tried to assume", finding.Message, StringComparison.Ordinal);
        Assert.Contains("refused (AccessDenied)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_StolenSessionUsedFromOutside_NewSourceFindingShowsTheCalls()
    {
        var result = await RunAsync(Pivot(Admin));

        var finding = Assert.Single(result.Findings, f => f.Rule == "new-source-for-certificate");
        Assert.Contains(finding.LinkedCalls, c => c.EventName == "ListBuckets" && c.SourceIp == "198.51.100.7" && c.EventId == "e-list");
        Assert.Contains(finding.LinkedCalls, c => c.EventName == "CreateUser" && c.ErrorCode is null);
    }

    [Fact]
    public async Task Run_SessionCredentialsUsedOutsideAllowedCidrs_NewSourceHigh()
    {
        var path = _workspace.Write("stolen.json", Pivot(Admin).ToString());

        var armed = await Scenario.RunAsync(new AuditOptions { Inputs = [path], AllowedNetworks = Audit.Settings.AllowedNetworks.Parse("203.0.113.0/24") });
        var unarmed = await RunAsync(Pivot(Admin));

        var finding = Assert.Single(armed.Findings, f => f.Rule == "new-source-for-certificate");
        Assert.Equal(Severity.High, finding.Severity);
        Assert.Contains("outside 203.0.113.0/24", finding.Message, StringComparison.Ordinal);
        Assert.Equal(Severity.Medium, Assert.Single(unarmed.Findings, f => f.Rule == "new-source-for-certificate").Severity);
    }

    [Fact]
    public async Task Timeline_OneCertificate_EveryEventInOrderIncludingTheChainedSession()
    {
        var result = await RunAsync(Pivot(Admin));

        var timeline = Assert.Single(result.Timelines);
        Assert.Equal("1a2b3c", timeline.Serial.ToString());
        Assert.Equal(["CreateSession", "ListBuckets", "AssumeRole", "CreateUser"], timeline.Events.Select(e => e.EventName));
        Assert.Equal("arn:aws:sts::111122223333:assumed-role/OrganizationAccountAccessRole/pivot", timeline.Events[3].Session);
    }

    [Fact]
    public async Task Timeline_Json_OneObjectPerCertificate()
    {
        var result = await RunAsync(Pivot(Admin));
        using var output = new MemoryStream();

        await TimelineReport.WriteJsonAsync(result, output, TestContext.Current.CancellationToken);

        var line = Assert.Single(System.Text.Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(line);
        Assert.Equal("1a2b3c", json.RootElement.GetProperty("serialNumber").GetString());
        var events = json.RootElement.GetProperty("events");
        Assert.Equal(4, events.GetArrayLength());
        Assert.Equal(Admin, events[2].GetProperty("targetRoleArn").GetString());
        Assert.Equal("e-create-user", events[3].GetProperty("eventId").GetString());
    }

    [Fact]
    public async Task Findings_Json_CarryTheLinkedCalls()
    {
        var result = await RunAsync(Pivot(Admin));
        using var output = new MemoryStream();

        await JsonLinesReport.WriteAsync(result, output, TestContext.Current.CancellationToken);

        var chaining = System.Text.Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonNode.Parse(l)!).Single(n => (string?)n["rule"] == "role-chaining");
        Assert.Equal(3, chaining["linkedCalls"]!.AsArray().Count);
        Assert.Equal(Admin, (string?)chaining["linkedCalls"]![1]!["targetRoleArn"]);
        Assert.Equal("198.51.100.7", (string?)chaining["linkedCalls"]![0]!["sourceIPAddress"]);
    }

    [Fact]
    public async Task Text_ControlCharactersInAnEventName_Escaped()
    {
        var trail = new Trail().Session("web", TimeSpan.Zero, "203.0.113.10", "1a2b3c")
            .Call("e-odd", TimeSpan.FromMinutes(1), "203.0.113.10", "1a2b3c", "s3.amazonaws.com", "Get\u001b[2JObject")
            .Call("e-list", TimeSpan.FromMinutes(2), "198.51.100.7", "1a2b3c", "s3.amazonaws.com", "ListBuckets");
        var result = await RunAsync(trail);
        using var output = new MemoryStream();

        await TextReport.WriteAsync(result, output, TestContext.Current.CancellationToken);

        var text = System.Text.Encoding.UTF8.GetString(output.ToArray());
        Assert.DoesNotContain('\u001b', text);
        Assert.Contains("then ", text, StringComparison.Ordinal);
    }

    /// <summary>web-01's certificate gets a session; its credentials list buckets from elsewhere, assume a role, and that role creates a user.</summary>
    private static Trail Pivot(string target, string? error = null)
    {
        var trail = new Trail()
            .Session("web", TimeSpan.Zero, "203.0.113.10", "1a2b3c")
            .Call("e-list", TimeSpan.FromMinutes(10), "198.51.100.7", "1a2b3c", "s3.amazonaws.com", "ListBuckets")
            .Call("e-assume", TimeSpan.FromMinutes(11), "198.51.100.7", "1a2b3c", "sts.amazonaws.com", "AssumeRole",
                requestParameters: new JsonObject { ["roleArn"] = target, ["roleSessionName"] = "pivot", ["durationSeconds"] = 3600 }, error: error);
        if (error is null)
        {
            var role = target[(target.LastIndexOf('/') + 1)..];
            trail.Raw(Trail.Envelope("e-create-user", TimeSpan.FromMinutes(12), "iam.amazonaws.com", "CreateUser", "198.51.100.7",
                Trail.SessionIdentity(role, "pivot", account: target.Split(':')[4])));
        }

        return trail;
    }

    private async Task<AuditResult> RunAsync(Trail trail)
    {
        var path = _workspace.Write("trail.json", trail.ToString());
        return await Scenario.RunAsync(new AuditOptions { Inputs = [path] });
    }
}
