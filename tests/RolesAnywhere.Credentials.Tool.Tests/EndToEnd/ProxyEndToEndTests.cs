using System.Text.Json;
using RolesAnywhere.Credentials.TestSupport;
using RolesAnywhere.Credentials.Tool.Tests.Support;

namespace RolesAnywhere.Credentials.Tool.Tests.EndToEnd;

/// <summary>
/// As in the official helper, the built tool ignores the environment's proxy unless <c>--with-proxy</c> is
/// given, and then sends CreateSession through it (<c>HTTP_PROXY</c> for an http endpoint).
/// </summary>
[Collection(EndToEndGroup.Name)]
public sealed class ProxyEndToEndTests(EmulatorFixture emulator) : IDisposable
{
    private readonly TempDirectory home = new();

    public void Dispose() => home.Dispose();

    [Fact]
    public async Task CredentialProcess_WithProxy_SendsCreateSessionThroughHttpProxy()
    {
        await using var proxy = RecordingProxy.Listen();

        var run = await RunToolAsync(proxy, "--with-proxy");

        Assert.True(run.ExitCode == 0, run.ToString());
        var line = Assert.Single(proxy.RequestLines);
        Assert.StartsWith($"POST {emulator.Emulator.Endpoint.GetLeftPart(UriPartial.Authority)}/sessions ", line, StringComparison.Ordinal);
        AssertIssued(run);
    }

    [Fact]
    public async Task CredentialProcess_WithoutWithProxy_IgnoresHttpProxyEnvironment()
    {
        await using var proxy = RecordingProxy.Listen();

        var run = await RunToolAsync(proxy);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Empty(proxy.RequestLines);
        AssertIssued(run);
    }

    private Task<ExternalProcess> RunToolAsync(RecordingProxy proxy, params string[] extra) =>
        ExternalProcess.RunAsync(
            ToolBinary.Path,
            ["credential-process", "--no-cache", .. emulator.SessionFlags(extra)],
            new Dictionary<string, string>
            {
                ["ROLESANYWHERE_CACHE_DIR"] = home.Path,
                ["HTTP_PROXY"] = proxy.Address.ToString(),
                ["http_proxy"] = proxy.Address.ToString(),
                ["NO_PROXY"] = string.Empty,
                ["no_proxy"] = string.Empty,
            });

    private void AssertIssued(ExternalProcess run)
    {
        using var json = JsonDocument.Parse(run.Stdout);
        var accessKeyId = json.RootElement.GetProperty("AccessKeyId").GetString();
        Assert.Contains(emulator.Emulator.Requests, r => r.IssuedAccessKeyId == accessKeyId);
    }
}
