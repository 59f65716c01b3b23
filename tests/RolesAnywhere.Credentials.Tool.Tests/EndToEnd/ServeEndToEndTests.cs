using System.Net;
using RolesAnywhere.Credentials.Tool.Tests.Support;

namespace RolesAnywhere.Credentials.Tool.Tests.EndToEnd;

[Collection(EndToEndGroup.Name)]
public sealed class ServeEndToEndTests : IDisposable
{
    private const string ContainerToken = "e2e-container-token-0123456789abcdef";
    private readonly EmulatorFixture emulator;
    private readonly TempDirectory home = new();

    public ServeEndToEndTests(EmulatorFixture emulator) => this.emulator = emulator;

    public void Dispose() => home.Dispose();

    [Fact]
    public async Task Botocore_ThroughImdsAndContainerEndpoint_StsAcceptsSignature()
    {
        RealClients.RequireBotocore();
        using var serve = await ServeProcess.StartAsync(
            emulator.SessionFlags("--hop-limit", "1", "--container-port", "0"),
            new Dictionary<string, string> { ["AWS_CONTAINER_AUTHORIZATION_TOKEN"] = ContainerToken },
            container: true);

        var imds = await Botocore.GetCallerIdentityAsync(emulator.Emulator.Endpoint, home.Path, new Dictionary<string, string>
        {
            ["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = serve.ImdsUri.ToString(),
        });
        var container = await Botocore.GetCallerIdentityAsync(emulator.Emulator.Endpoint, home.Path, new Dictionary<string, string>
        {
            ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = serve.ContainerUri!.ToString(),
            ["AWS_CONTAINER_AUTHORIZATION_TOKEN"] = ContainerToken,
        });

        Assert.Equal("iam-role", imds.Method);
        Assert.Contains(EmulatorFixture.RoleName, imds.Arn, StringComparison.Ordinal);
        Assert.Equal("container-role", container.Method);
        Assert.Contains(EmulatorFixture.RoleName, container.Arn, StringComparison.Ordinal);
        Assert.Equal(imds.AccessKeyId, container.AccessKeyId);
    }

    [Fact]
    public async Task Serve_ManyRequests_OneCreateSession()
    {
        var before = emulator.Emulator.SuccessfulSessionCount;
        using var serve = await ServeProcess.StartAsync(emulator.SessionFlags(), new Dictionary<string, string>(), container: false);
        using var client = new HttpClient { BaseAddress = serve.ImdsUri };

        using var tokenRequest = new HttpRequestMessage(HttpMethod.Put, "latest/api/token");
        using var tokenResponse = await client.SendAsync(tokenRequest, TestContext.Current.CancellationToken);
        var token = await tokenResponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var statuses = await Task.WhenAll(Enumerable.Range(0, 40).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "latest/meta-data/iam/security-credentials/" + EmulatorFixture.RoleName);
            request.Headers.Add("X-aws-ec2-metadata-token", token);
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            return response.StatusCode;
        }));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(before + 1, emulator.Emulator.SuccessfulSessionCount);
    }

    [Fact]
    public async Task Serve_DnsRebindingHostOrOrigin_403BeforeToken()
    {
        using var serve = await ServeProcess.StartAsync(emulator.SessionFlags(), new Dictionary<string, string>(), container: false);
        using var client = new HttpClient { BaseAddress = serve.ImdsUri };
        var port = serve.ImdsUri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        using var rebound = new HttpRequestMessage(HttpMethod.Put, "latest/api/token");
        rebound.Headers.Host = "rebind.attacker.example:" + port;
        using var fromPage = new HttpRequestMessage(HttpMethod.Put, "latest/api/token");
        fromPage.Headers.TryAddWithoutValidation("Origin", "http://rebind.attacker.example:" + port);
        using var sdk = new HttpRequestMessage(HttpMethod.Put, "latest/api/token");
        using var reboundResponse = await client.SendAsync(rebound, TestContext.Current.CancellationToken);
        using var fromPageResponse = await client.SendAsync(fromPage, TestContext.Current.CancellationToken);
        using var sdkResponse = await client.SendAsync(sdk, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, reboundResponse.StatusCode);
        Assert.Empty(await reboundResponse.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.Forbidden, fromPageResponse.StatusCode);
        Assert.Empty(await fromPageResponse.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, sdkResponse.StatusCode);
    }

    [Fact]
    public async Task Serve_ContainerPortWithoutToken_RefusedBeforeListening()
    {
        var run = await ExternalProcess.RunAsync(ToolBinary.Path, ["serve", .. emulator.SessionFlags("--container-port", "0", "--container-host", "0.0.0.0")], new Dictionary<string, string>());

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("requires a token", run.Stderr, StringComparison.Ordinal);
    }
}
