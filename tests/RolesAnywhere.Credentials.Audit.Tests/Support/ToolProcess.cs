using System.Diagnostics;

namespace RolesAnywhere.Credentials.Audit.Tests.Support;

/// <summary>
/// Runs the built <c>rolesanywhere</c> (the app host next to the tests, or <c>ROLESANYWHERE_TOOL_PATH</c>, e.g. the
/// Native AOT binary) as a process, with no AWS settings from the machine, standard input from a file or nothing.
/// </summary>
internal static class ToolProcess
{
    public static string Path { get; } =
        Environment.GetEnvironmentVariable("ROLESANYWHERE_TOOL_PATH") is { Length: > 0 } configured
            ? configured
            : System.IO.Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "rolesanywhere.exe" : "rolesanywhere");

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(
        IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, byte[]? stdin = null)
    {
        var info = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.BaseStream.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"rolesanywhere {string.Join(' ', args)} did not finish; stderr: {await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
