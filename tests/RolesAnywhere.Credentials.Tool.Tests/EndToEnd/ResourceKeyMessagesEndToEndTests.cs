using RolesAnywhere.Credentials.Tool.Tests.Support;

namespace RolesAnywhere.Credentials.Tool.Tests.EndToEnd;

/// <summary>
/// The built tool (its own runtime configuration, as users run it) prints .NET's messages, not resource
/// keys such as <c>net_http_client_execution_error</c> or <c>IO_PathNotFound_Path</c>.
/// </summary>
[Collection(EndToEndGroup.Name)]
public sealed class ResourceKeyMessagesEndToEndTests : IDisposable
{
    private readonly EmulatorFixture emulator;
    private readonly TempDirectory home = new();

    public ResourceKeyMessagesEndToEndTests(EmulatorFixture emulator) => this.emulator = emulator;

    public void Dispose() => home.Dispose();

    [Fact]
    public async Task CredentialProcess_ServerClosesConnection_ReadableNetworkMessage()
    {
        // Reads the request, then closes without a word: "the response ended prematurely".
        await using var gateway = new RawHttpServer([]);
        var endpoint = gateway.Origin;

        var run = await ExternalProcess.RunAsync(ToolBinary.Path, ["credential-process", "--no-cache", .. WithEndpoint(endpoint)], new Dictionary<string, string>());

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("could not reach 127.0.0.1", run.Stderr, StringComparison.Ordinal);
        AssertNoResourceKeys(run.Stderr);
    }

    [Fact]
    public async Task Serve_ContainerTokenFileInMissingDirectory_ReadableIoMessage()
    {
        var run = await ExternalProcess.RunAsync(
            ToolBinary.Path,
            ["serve", "--port", "0", "--container-port", "0", "--container-token-file", home.File("missing/token"), .. emulator.SessionFlags()],
            new Dictionary<string, string>());

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(home.File("missing/token"), run.Stderr, StringComparison.Ordinal);
        AssertNoResourceKeys(run.Stderr);
    }

    private string[] WithEndpoint(string endpoint)
    {
        var flags = emulator.SessionFlags();
        flags[Array.IndexOf(flags, "--endpoint") + 1] = endpoint;
        return flags;
    }

    private static void AssertNoResourceKeys(string stderr)
    {
        Assert.DoesNotMatch(@"\b(net_http|IO_|net_)[A-Za-z_]+\b", stderr);
    }
}
