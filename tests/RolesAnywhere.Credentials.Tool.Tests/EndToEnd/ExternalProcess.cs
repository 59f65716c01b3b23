using System.Diagnostics;
using System.Text;

namespace RolesAnywhere.Credentials.Tool.Tests.EndToEnd;

/// <summary>Runs a real process (the built tool, the AWS CLI, python) with a clean AWS environment and a time limit.</summary>
internal sealed class ExternalProcess
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public int ExitCode { get; private init; }

    public string Stdout { get; private init; } = string.Empty;

    public string Stderr { get; private init; } = string.Empty;

    public override string ToString() => $"exit {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}";

    public static ProcessStartInfo StartInfo(string fileName, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(fileName)
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

        // Nothing from the machine's own AWS setup may leak into a test.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return info;
    }

    /// <summary>Runs <paramref name="fileName"/> to its end, with <paramref name="stdin"/> (or nothing) as its standard input.</summary>
    public static async Task<ExternalProcess> RunAsync(string fileName, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment, TimeSpan? timeout = null, byte[]? stdin = null)
    {
        using var process = Process.Start(StartInfo(fileName, args, environment))!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        if (stdin is not null)
        {
            await process.StandardInput.BaseStream.WriteAsync(stdin, TestContext.Current.CancellationToken);
        }

        process.StandardInput.Close();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(timeout ?? DefaultTimeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', args)} did not finish in time; stderr so far: {await stderr}");
        }

        return new ExternalProcess { ExitCode = process.ExitCode, Stdout = await stdout, Stderr = await stderr };
    }

    /// <summary>True when <paramref name="fileName"/> runs and exits 0 with <paramref name="args"/>.</summary>
    public static bool Works(string fileName, params string[] args)
    {
        try
        {
            var info = StartInfo(fileName, args, new Dictionary<string, string>());
            using var process = Process.Start(info)!;
            process.StandardInput.Close();
            var output = new StringBuilder();
            process.OutputDataReceived += (_, e) => output.Append(e.Data);
            process.ErrorDataReceived += (_, e) => output.Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(30_000))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
