using System.Diagnostics;

namespace RolesAnywhere.Credentials.TestSupport.Hardware;

/// <summary>Finds and runs the command-line tools of the real components (softhsm2-util, swtpm, tpm2-tools, openssl).</summary>
internal static class ExternalTool
{
    /// <summary>The full path of <paramref name="name"/> on PATH, or <see langword="null"/>.</summary>
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(Path.PathSeparator)
            .Select(directory => Path.Combine(directory, name)).FirstOrDefault(File.Exists);

    /// <summary>Runs <paramref name="name"/> to completion and returns its standard output.</summary>
    /// <exception cref="InvalidOperationException">The tool is missing or exits non-zero (its stderr is in the message).</exception>
    public static string Run(string name, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(Find(name) ?? throw new InvalidOperationException($"{name} is not on PATH."))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{name} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}");
        }

        return output;
    }
}
