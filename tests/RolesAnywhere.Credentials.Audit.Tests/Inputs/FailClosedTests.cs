using System.Text;
using System.Text.Json.Nodes;
using RolesAnywhere.Credentials.Audit.Tests.Support;

namespace RolesAnywhere.Credentials.Audit.Tests.Inputs;

/// <summary>An input not read to its end fails the run (naming it and how far it got) instead of reporting "no findings".</summary>
public sealed class FailClosedTests : IDisposable
{
    private static readonly string IncidentText = File.ReadAllText(Scenario.IncidentPath);
    private readonly AuditWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Run_TruncatedGzip_FailsNamingTheFileAndRecordsRead()
    {
        // A .gz cut short (still being written, or a partial copy): the decompressor just stops, the JSON ends early.
        var gz = AuditWorkspace.Gzip(Encoding.UTF8.GetBytes(IncidentText));
        var path = _workspace.Write("cut.json.gz", gz[..(gz.Length / 2)]);

        var error = await Assert.ThrowsAsync<AuditInputException>(() => Scenario.RunAsync(Scenario.Options([path])));

        Assert.Contains(path + ": ", error.Message, StringComparison.Ordinal);
        Assert.Matches(@"; \d+ record\(s\) were read before that", error.Message);
        Assert.Contains("--allow-partial", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_TruncatedGzipAmongCompleteFiles_AllowPartialReportsTheRestAndListsIt()
    {
        var gz = AuditWorkspace.Gzip(Encoding.UTF8.GetBytes(IncidentText));
        var good = _workspace.Write("a.json", IncidentText);
        var cut = _workspace.Write("b.json.gz", gz[..(gz.Length / 2)]);
        var options = Scenario.Options([good, cut]);

        var result = await Scenario.RunAsync(new AuditOptions { Inputs = options.Inputs, AllowedNetworks = options.AllowedNetworks, AllowPartial = true });

        Assert.Equal(1, result.Summary.IncompleteCount);
        Assert.StartsWith(cut + ": ", result.Summary.IncompleteInputs[0], StringComparison.Ordinal);
        Assert.Contains(result.Findings, f => f.Rule == "unexpected-source-ip");
    }

    [Fact]
    public async Task Run_EmptyFile_Fails()
    {
        var path = _workspace.Write("empty.json", string.Empty);

        var error = await Assert.ThrowsAsync<AuditInputException>(() => Scenario.RunAsync(new AuditOptions { Inputs = [path] }));

        Assert.Contains(path + ": the document is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_EmptyStandardInput_Fails()
    {
        var error = await Assert.ThrowsAsync<AuditInputException>(() => Scenario.RunAsync(new AuditOptions { Inputs = ["-"] }, new MemoryStream()));

        Assert.Contains("-: the document is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_JsonLines_FailsNamingTheFile()
    {
        var lines = string.Join('\n', JsonNode.Parse(IncidentText)!["Records"]!.AsArray().Select(r => r!.ToJsonString()));
        var path = _workspace.Write("records.jsonl", lines);

        var error = await Assert.ThrowsAsync<AuditInputException>(() => Scenario.RunAsync(new AuditOptions { Inputs = [path] }));

        Assert.Contains(path + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains("CloudTrail log files", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_JsonThatIsNotCloudTrail_Fails()
    {
        var path = _workspace.Write("other.json", "{\"Items\":[{\"a\":1}]}");

        var error = await Assert.ThrowsAsync<AuditInputException>(() => Scenario.RunAsync(new AuditOptions { Inputs = [path] }));

        Assert.Contains("no input holds CloudTrail records", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_EmptyDirectory_Fails()
    {
        var directory = Path.Combine(_workspace.Root, "nothing");
        Directory.CreateDirectory(directory);

        var error = await Assert.ThrowsAsync<AuditInputException>(() => Scenario.RunAsync(new AuditOptions { Inputs = [directory] }));

        Assert.Contains("no document to read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_EmptyRecordsArray_IsACompleteReadWithNothingInIt()
    {
        var path = _workspace.Write("quiet.json", "{\"Records\":[]}");

        var result = await Scenario.RunAsync(new AuditOptions { Inputs = [path] });

        Assert.Empty(result.Findings);
        Assert.Equal(0, result.Summary.IncompleteCount);
    }

    [Fact]
    public async Task Run_InvalidUtf8InACreateSession_CountedAndTheRecordStillRead()
    {
        var bytes = Encoding.UTF8.GetBytes(new Trail().Session("web", TimeSpan.Zero, "198.51.100.7", "1a2b3c").ToString());
        var at = bytes.AsSpan().IndexOf("aws-sdk-dotnet"u8);
        bytes[at + 3] = 0xFF;
        var path = _workspace.Write("bad-utf8.json", bytes);

        var result = await Scenario.RunAsync(new AuditOptions { Inputs = [path], AllowedNetworks = Audit.Settings.AllowedNetworks.Parse("203.0.113.0/24") });

        Assert.Equal(1, result.Summary.InvalidUtf8Records);
        Assert.Equal(0, result.Summary.Malformed);
        Assert.Equal(1, result.Summary.SessionsIssued);
        Assert.Contains(result.Findings, f => f.Rule == "unexpected-source-ip" && f.EventId == "web");
        Assert.Contains(result.Summary.Problems, p => p.Contains("not UTF-8", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_InvalidUtf8InAFieldTheParserReads_NotFatal()
    {
        var bytes = Encoding.UTF8.GetBytes(new Trail().Session("web", TimeSpan.Zero, "203.0.113.10", "1a2b3c").ToString());
        var at = bytes.AsSpan().IndexOf("CN=web"u8);
        bytes[at + 3] = 0xC3; // a lead byte with no continuation
        var path = _workspace.Write("bad-subject.json", bytes);

        var result = await Scenario.RunAsync(new AuditOptions { Inputs = [path] });

        Assert.Equal(1, result.Summary.InvalidUtf8Records);
        Assert.Equal(1, result.Summary.SessionsIssued);
    }

    [Fact]
    public async Task Run_EscapedLoneSurrogate_MalformedNotFatal()
    {
        var text = new Trail().Session("web", TimeSpan.Zero, "203.0.113.10", "1a2b3c").ToString().Replace("CN=web", "CN=\\ud800", StringComparison.Ordinal);
        var path = _workspace.Write("surrogate.json", text);

        var result = await Scenario.RunAsync(new AuditOptions { Inputs = [path] });

        Assert.True(result.Summary.Malformed >= 1);
        Assert.Contains(result.Summary.Problems, p => p.Contains("not valid Unicode", StringComparison.Ordinal));
    }
}
