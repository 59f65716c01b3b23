using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace RolesAnywhere.Credentials.Samples.Tests;

/// <summary>Runs a sample as `dotnet &lt;sample&gt;.dll args`, collecting its output lines; disposal kills it.</summary>
internal sealed class SampleProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly List<string> lines = [];
    private readonly object gate = new();
    private readonly SemaphoreSlim changed = new(0);

    private SampleProcess(Process process) => this.process = process;

    public string Output
    {
        get
        {
            lock (gate)
            {
                return string.Join('\n', lines);
            }
        }
    }

    public bool HasExited => process.HasExited;

    public static string PathOf(string sample)
    {
        var value = typeof(SampleProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SamplesOutput").Value!;
        var parts = value.Split('|');
        return Path.Combine(parts[0], sample, parts[1], sample + ".dll");
    }

    public static SampleProcess Start(string sample, IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        var dll = PathOf(sample);
        Assert.True(File.Exists(dll), $"The sample was not built: {dll}");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // Keep the developer's own AWS settings out of the sample, and its logs plain.
        foreach (var name in new[] { "AWS_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_DEFAULT_REGION" })
        {
            info.Environment.Remove(name);
        }

        info.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["NO_COLOR"] = "1";
        info.Environment["Logging__Console__FormatterName"] = "simple";
        info.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        info.Environment["Logging__Console__FormatterOptions__ColorBehavior"] = "Disabled";
        foreach (var pair in environment ?? new Dictionary<string, string>())
        {
            info.Environment[pair.Key] = pair.Value;
        }

        var process = new Process { StartInfo = info };
        var sampleProcess = new SampleProcess(process);
        process.OutputDataReceived += (_, e) => sampleProcess.Append(e.Data);
        process.ErrorDataReceived += (_, e) => sampleProcess.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return sampleProcess;
    }

    /// <summary>Waits until an output line matches; fails with the whole output when it does not come in time or the process exits.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout);
        var seen = 0;
        while (true)
        {
            if (TryFind(ref seen, match, out var found))
            {
                return found;
            }

            if (process.HasExited)
            {
                process.WaitForExit(); // drains the redirected output
                if (TryFind(ref seen, match, out found))
                {
                    return found;
                }

                Assert.Fail($"The sample exited with code {process.ExitCode} before the expected line. Output:\n{Output}");
            }

            try
            {
                await changed.WaitAsync(TimeSpan.FromMilliseconds(200), cts.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"The expected line did not appear within {timeout}. Output:\n{Output}");
            }
        }
    }

    private bool TryFind(ref int seen, Func<string, bool> match, out string line)
    {
        lock (gate)
        {
            for (; seen < lines.Count; seen++)
            {
                if (match(lines[seen]))
                {
                    line = lines[seen];
                    return true;
                }
            }
        }

        line = string.Empty;
        return false;
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
            process.WaitForExit(); // drains the redirected output
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The sample did not exit within {timeout}. Output:\n{Output}");
        }

        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        changed.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            lines.Add(line);
        }

        changed.Release();
    }
}
