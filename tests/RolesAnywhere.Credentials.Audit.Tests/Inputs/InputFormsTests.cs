using System.Text.Json;
using System.Text.Json.Nodes;
using RolesAnywhere.Credentials.Audit.Tests.Support;

namespace RolesAnywhere.Credentials.Audit.Tests.Inputs;

/// <summary>The same incident read as every input form gives the same findings.</summary>
public sealed class InputFormsTests : IClassFixture<ScenarioFixture>
{
    private static readonly string IncidentText = File.ReadAllText(Scenario.IncidentPath);
    private readonly ScenarioFixture _plain;

    public InputFormsTests(ScenarioFixture plain) => _plain = plain;

    [Fact]
    public async Task Run_GzipFilesInNestedDirectories_SameFindings()
    {
        using var workspace = new AuditWorkspace();
        var (first, second) = Split(IncidentText);
        workspace.WriteGzip("AWSLogs/111122223333/CloudTrail/eu-west-1/2026/11/20/111122223333_CloudTrail_eu-west-1_20261120T0000Z_a.json.gz", first);
        workspace.WriteGzip("AWSLogs/111122223333/CloudTrail/eu-west-1/2026/11/21/111122223333_CloudTrail_eu-west-1_20261121T0000Z_b.json.gz", second);
        workspace.Write("AWSLogs/notes.txt", "not a log");
        File.CreateSymbolicLink(Path.Combine(workspace.Root, "AWSLogs", "loop"), workspace.Root);

        var result = await Scenario.RunAsync(Scenario.Options([workspace.Root]));

        Assert.Equal(2, result.Summary.Documents);
        AssertSameFindings(result);
    }

    [Fact]
    public async Task Run_LookupEventsOutput_SameFindings()
    {
        using var workspace = new AuditWorkspace();
        var path = workspace.Write("lookup.json", ToLookupEvents(IncidentText));

        var result = await Scenario.RunAsync(Scenario.Options([path]));

        AssertSameFindings(result);
        Assert.Equal(3, result.Summary.Malformed);
    }

    [Fact]
    public async Task Run_GzipOnStandardInput_SameFindings()
    {
        using var stdin = new MemoryStream(AuditWorkspace.Gzip(System.Text.Encoding.UTF8.GetBytes(IncidentText)));
        var result = await Scenario.RunAsync(Scenario.Options(["-"]), stdin);
        AssertSameFindings(result);
        Assert.All(result.Findings, f => Assert.Equal("-", f.Input));
    }

    [Fact]
    public async Task Run_SinceUntil_OnlyEventsInThePeriod()
    {
        var options = Scenario.Options([Scenario.IncidentPath]);
        var result = await Scenario.RunAsync(new AuditOptions
        {
            Inputs = options.Inputs, AllowedNetworks = options.AllowedNetworks, KnownSerials = options.KnownSerials, Revocations = options.Revocations,
            Since = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero), Until = new DateTimeOffset(2026, 11, 20, 13, 6, 0, TimeSpan.Zero),
        });
        Assert.Equal(["failed-sessions-burst", "unexpected-source-ip", "trust-anchor-changed", "crl-changed"], result.Findings.Select(f => f.Rule));
        Assert.Equal(13, result.Summary.OutsidePeriod);
    }

    [Fact]
    public async Task Run_MissingFile_NamedInputError()
    {
        var error = await Assert.ThrowsAsync<AuditInputException>(() => Scenario.RunAsync(new AuditOptions { Inputs = ["/nonexistent/trail.json.gz"] }));
        Assert.Contains("'/nonexistent/trail.json.gz' does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_DamagedGzip_FailsNamingTheInput()
    {
        using var workspace = new AuditWorkspace();
        var gz = AuditWorkspace.Gzip(System.Text.Encoding.UTF8.GetBytes(IncidentText));
        gz.AsSpan(20, 200).Fill(0x55);
        var path = workspace.Write("broken.json.gz", gz);
        var error = await Assert.ThrowsAsync<AuditInputException>(() => Scenario.RunAsync(new AuditOptions { Inputs = [path] }));
        Assert.Contains("broken.json.gz: cannot be decoded", error.Message, StringComparison.Ordinal);
        Assert.Contains("--allow-partial", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_TruncatedFileWithAllowPartial_EarlierRecordsKeptAndInputListedAsIncomplete()
    {
        using var workspace = new AuditWorkspace();
        var path = workspace.Write("cut.json", IncidentText[..(IncidentText.Length * 3 / 4)]);
        var options = Scenario.Options([path]);
        var result = await Scenario.RunAsync(new AuditOptions { Inputs = options.Inputs, AllowPartial = true });
        var incomplete = Assert.Single(result.Summary.IncompleteInputs);
        Assert.StartsWith(path + ": ", incomplete, StringComparison.Ordinal);
        Assert.Contains("ends early", incomplete, StringComparison.Ordinal);
        Assert.Contains(result.Findings, f => f.Rule == "failed-sessions-burst");
    }

    internal static string ToLookupEvents(string records)
    {
        var events = new JsonArray();
        foreach (var element in JsonNode.Parse(records)!["Records"]!.AsArray())
        {
            events.Add(new JsonObject
            {
                ["EventId"] = element is JsonObject o ? o["eventID"]?.DeepClone() : null,
                ["ReadOnly"] = "false",
                ["CloudTrailEvent"] = element!.ToJsonString(),
            });
        }

        return new JsonObject { ["Events"] = events, ["NextToken"] = "token" }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    internal static (string First, string Second) Split(string records)
    {
        var all = JsonNode.Parse(records)!["Records"]!.AsArray().Select(n => n!.DeepClone()).ToList();
        var half = all.Count / 2;
        return (new JsonObject { ["Records"] = new JsonArray([.. all.Take(half)]) }.ToJsonString(),
                new JsonObject { ["Records"] = new JsonArray([.. all.Skip(half)]) }.ToJsonString());
    }

    private void AssertSameFindings(AuditResult result) =>
        Assert.Equal(
            _plain.Result.Findings.Select(f => (f.Rule, f.EventId, f.Severity, f.SerialNumber, f.Message)),
            result.Findings.Select(f => (f.Rule, f.EventId, f.Severity, f.SerialNumber, f.Message)));
}
