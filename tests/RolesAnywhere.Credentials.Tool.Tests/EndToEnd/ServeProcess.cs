using System.Diagnostics;
using System.Text.RegularExpressions;

namespace RolesAnywhere.Credentials.Tool.Tests.EndToEnd;

/// <summary>A running <c>rolesanywhere serve</c> process; its addresses are read from the lines it prints on stderr.</summary>
internal sealed partial class ServeProcess : IDisposable
{
    private readonly Process process;
    private readonly List<string> errors = [];

    private ServeProcess(Process process, Uri imds, Uri? container)
    {
        this.process = process;
        ImdsUri = imds;
        ContainerUri = container;
    }

    public Uri ImdsUri { get; }

    public Uri? ContainerUri { get; }

    public static async Task<ServeProcess> StartAsync(string[] args, IReadOnlyDictionary<string, string> environment, bool container)
    {
        var process = Process.Start(ExternalProcess.StartInfo(ToolBinary.Path, ["serve", "--port", "0", .. args], environment))!;
        process.StandardInput.Close();
        _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        Uri? imds = null;
        Uri? containerUri = null;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(60));
        var seen = new List<string>();
        try
        {
            while (imds is null || (container && containerUri is null))
            {
                var line = await process.StandardError.ReadLineAsync(limit.Token)
                    ?? throw new InvalidOperationException("serve exited: " + string.Join('\n', seen));
                seen.Add(line);
                if (ServingLine().Match(line) is { Success: true } match)
                {
                    if (match.Groups[1].Value == "IMDSv2")
                    {
                        imds = new Uri(match.Groups[2].Value);
                    }
                    else
                    {
                        containerUri = new Uri(match.Groups[2].Value);
                    }
                }
            }
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }

        // Keep draining stderr so the child never blocks on a full pipe; the lines are kept for the tests.
        var serve = new ServeProcess(process, imds, containerUri);
        serve.errors.AddRange(seen);
        _ = serve.DrainAsync();
        return serve;
    }

    /// <summary>Gets what the process wrote on stderr so far.</summary>
    public string Stderr
    {
        get
        {
            lock (errors)
            {
                return string.Join('\n', errors);
            }
        }
    }

    private async Task DrainAsync()
    {
        while (await process.StandardError.ReadLineAsync(CancellationToken.None) is { } line)
        {
            lock (errors)
            {
                errors.Add(line);
            }
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }

        process.Dispose();
    }

    [GeneratedRegex(@"serving (IMDSv2|container credentials) on (\S+)")]
    private static partial Regex ServingLine();
}
