using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RolesAnywhere.Credentials.Authorization.Tests.Differential;

/// <summary>
/// The independent IAM evaluator, <c>@cloud-copilot/iam-simulate</c> (npm, AGPL-3.0: a test-time oracle installed into
/// tests/oracle by .ci/install-test-deps, never shipped), run once over a batch of cases through tests/oracle/evaluate.mjs.
/// </summary>
internal static class IamSimulateOracle
{
    public static string Directory { get; } = Path.Combine(
        typeof(IamSimulateOracle).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!, "tests", "oracle");

    /// <summary>Why the oracle cannot run here, or <see langword="null"/> when it can.</summary>
    public static string? Missing()
    {
        if (!File.Exists(Path.Combine(Directory, "node_modules", "@cloud-copilot", "iam-simulate", "package.json")))
        {
            return $"the IAM oracle is not installed: run 'npm ci --prefix {Directory}' (.ci/install-test-deps does) — Node.js and npm needed";
        }

        return FindNode() is null ? "node is not on PATH (apt-get install nodejs)" : null;
    }

    /// <summary>Evaluates every request; the answers come back by id ("Allowed", "ExplicitlyDenied", "ImplicitlyDenied" or "error").</summary>
    public static async Task<Dictionary<int, (string Result, string? Detail)>> EvaluateAsync(IReadOnlyList<JsonObject> requests, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(FindNode()!, ["evaluate.mjs"])
        {
            WorkingDirectory = Directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var answers = new Dictionary<int, (string, string?)>();
        var reading = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                using var answer = JsonDocument.Parse(line);
                var root = answer.RootElement;
                answers[root.GetProperty("id").GetInt32()] = (root.GetProperty("result").GetString()!, root.TryGetProperty("detail", out var d) ? d.GetString() : null);
            }
        }, cancellationToken);
        foreach (var request in requests)
        {
            await process.StandardInput.WriteLineAsync(request.ToJsonString().AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        process.StandardInput.Close();
        await reading.ConfigureAwait(false);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        Assert.True(process.ExitCode == 0, $"the oracle exited with {process.ExitCode}: {await stderr.ConfigureAwait(false)}");
        return answers;
    }

    private static string? FindNode() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "node")).FirstOrDefault(File.Exists);
}
