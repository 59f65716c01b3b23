using System.Text.Json;
using RolesAnywhere.Credentials.Tool.Tests.EndToEnd;

namespace RolesAnywhere.Credentials.Tool.Tests.Update;

/// <summary>
/// Reads files with the real botocore (<c>botocore.configloader.raw_config_parse</c>, as its shared credentials
/// provider does) in one child python for many files: each file's profiles (values as strings), or the error
/// botocore raised.
/// </summary>
internal static class BotocoreConfigParser
{
    private const string Script = """
        import json, sys
        from botocore.configloader import raw_config_parse
        results = []
        for path in json.load(open(sys.argv[1])):
            try:
                raw_config_parse(path)  # what the credential provider calls: nested values parsed too
                results.append({"profiles": raw_config_parse(path, parse_subsections=False)})
            except Exception as e:
                results.append({"error": type(e).__name__ + ": " + str(e)})
        print(json.dumps(results))
        """;

    public static async Task<IReadOnlyList<BotocoreResult>> ParseAsync(IReadOnlyList<string> paths, string workDirectory)
    {
        RealClients.RequireBotocore();
        var list = Path.Combine(workDirectory, "botocore-paths.json");
        await File.WriteAllTextAsync(list, JsonSerializer.Serialize(paths), TestContext.Current.CancellationToken);
        var run = await ExternalProcess.RunAsync("python3", ["-c", Script, list], new Dictionary<string, string>());
        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        return json.RootElement.EnumerateArray().Select(result => result.TryGetProperty("error", out var error)
            ? new BotocoreResult(null, error.GetString())
            : new BotocoreResult(
                result.GetProperty("profiles").EnumerateObject().ToDictionary(
                    profile => profile.Name,
                    profile => profile.Value.EnumerateObject().ToDictionary(option => option.Name, option => option.Value.GetString()!, StringComparer.Ordinal),
                    StringComparer.Ordinal),
                null)).ToList();
    }
}

/// <summary>botocore's reading of one file: its profiles, or why it refused the file.</summary>
internal sealed record BotocoreResult(Dictionary<string, Dictionary<string, string>>? Profiles, string? Error)
{
    public static string Describe(Dictionary<string, Dictionary<string, string>>? profiles) =>
        profiles is null ? "(refused)" : JsonSerializer.Serialize(profiles.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value.OrderBy(o => o.Key, StringComparer.Ordinal).ToDictionary()));
}
