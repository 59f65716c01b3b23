using System.Text;
using System.Text.Json;
using RolesAnywhere.Credentials.Audit.Output;
using RolesAnywhere.Credentials.Audit.Rules;

namespace RolesAnywhere.Credentials.Audit.Tests.Output;

public sealed class ReportTests : IClassFixture<ScenarioFixture>
{
    private static readonly string[] Keys =
        ["rule", "severity", "eventTime", "eventName", "eventId", "sourceIPAddress", "serialNumber", "subject", "roleArn", "trustAnchorArn", "message", "relatedEventIds", "linkedCalls", "linkedCallsNotListed", "input"];

    private readonly ScenarioFixture _scenario;

    public ReportTests(ScenarioFixture scenario) => _scenario = scenario;

    [Fact]
    public async Task JsonLines_OneObjectPerFindingWithTheDocumentedKeys()
    {
        using var output = new MemoryStream();
        await JsonLinesReport.WriteAsync(_scenario.Result, output, CancellationToken.None);
        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(_scenario.Result.Findings.Count, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal(Keys, first.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("outside-business-hours", first.RootElement.GetProperty("rule").GetString());
        Assert.Equal("low", first.RootElement.GetProperty("severity").GetString());
        Assert.Equal("2026-11-20T02:00:00Z", first.RootElement.GetProperty("eventTime").GetString());
    }

    [Fact]
    public async Task Sarif_Version210WithRulesAndOneResultPerFinding()
    {
        using var output = new MemoryStream();
        await SarifReport.WriteAsync(_scenario.Result, output, "9.9.9", CancellationToken.None);
        using var sarif = JsonDocument.Parse(output.ToArray());
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var run = Assert.Single(sarif.RootElement.GetProperty("runs").EnumerateArray());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(AuditRules.All.Select(r => r.Id), rules);
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(_scenario.Result.Findings.Count, results.Count);
        var revoked = results.Single(r => r.GetProperty("ruleId").GetString() == "revoked-certificate-used");
        Assert.Equal("error", revoked.GetProperty("level").GetString());
        Assert.EndsWith("incident.json", revoked.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString(), StringComparison.Ordinal);
        Assert.Equal("e-1100-revoked", revoked.GetProperty("partialFingerprints").GetProperty("cloudTrailEventId").GetString());
    }

    [Fact]
    public async Task Sarif_NoInventedUrl_EachRuleHelpNamesItsDocumentationSection()
    {
        using var output = new MemoryStream();
        await SarifReport.WriteAsync(_scenario.Result, output, "9.9.9", CancellationToken.None);
        using var sarif = JsonDocument.Parse(output.ToArray());
        var driver = sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver");

        // The project has no published home: a link to a made-up repository would be a dead end in a dashboard.
        Assert.False(driver.TryGetProperty("informationUri", out var uri), $"informationUri {uri}");
        var text = Encoding.UTF8.GetString(output.ToArray());
        Assert.DoesNotContain("github.com", text, StringComparison.Ordinal);
        foreach (var rule in driver.GetProperty("rules").EnumerateArray())
        {
            Assert.StartsWith($"docs/detection.md, section '{rule.GetProperty("id").GetString()}'", rule.GetProperty("help").GetProperty("text").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Text_TableAndSummary()
    {
        using var output = new MemoryStream();
        await TextReport.WriteAsync(_scenario.Result, output, CancellationToken.None);
        var text = Encoding.UTF8.GetString(output.ToArray());
        Assert.StartsWith("SEVERITY", text, StringComparison.Ordinal);
        Assert.Contains("high     revoked-certificate-used   2026-11-20 11:00:00 CreateSession", text, StringComparison.Ordinal);
        Assert.Contains("Read 1 document(s), 23 record(s); 3 malformed.", text, StringComparison.Ordinal);
        Assert.Contains("Findings: 8 high, 2 medium, 2 low.", text, StringComparison.Ordinal);
        Assert.Contains("Rules not armed: none", text, StringComparison.Ordinal);
    }
}
