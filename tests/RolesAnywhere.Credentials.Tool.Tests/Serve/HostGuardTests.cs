using System.Globalization;
using System.Net;
using RolesAnywhere.Credentials.Tool.Serve;

namespace RolesAnywhere.Credentials.Tool.Tests.Serve;

/// <summary>
/// DNS rebinding: a web page whose name resolves to 127.0.0.1 is same-origin with the server, so the
/// browser sends its own name as Host (and usually an Origin). Every such request gets 403 with an empty
/// body, before any token is issued or any credentials are read; clients (SDKs, the CLI) name a loopback
/// literal or localhost and send no Origin.
/// </summary>
public sealed class HostGuardTests
{
    private const string CredentialsPath = "latest/meta-data/iam/security-credentials/ToolTestRole";

    [Theory]
    [InlineData("evil.example:{port}")]
    [InlineData("evil.example")]
    [InlineData("127.0.0.1.evil.example:{port}")]
    [InlineData("localhost.evil.example:{port}")]
    [InlineData("127.0.0.1:{otherPort}")]
    [InlineData("localhost:{otherPort}")]
    [InlineData("127.0.0.1")]
    [InlineData("10.0.0.1:{port}")]
    [InlineData("[::2]:{port}")]
    [InlineData("xn--a:{port}")] // not valid punycode: reading Request.Host threw (found by fuzzing, fuzz/crashes/serve/)
    public async Task PutToken_ForeignHost_403EmptyBody(string host)
    {
        await using var server = await ServerFixture.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Put, "latest/api/token");
        request.Headers.Host = Expand(host, server.Server.ImdsUri.Port);

        using var response = await server.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.False(response.Headers.Contains(ImdsHandler.TtlHeader));
    }

    [Fact]
    public async Task GetCredentials_ValidTokenButForeignHost_403NoSecret()
    {
        await using var server = await ServerFixture.StartAsync();
        var token = await server.TokenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, CredentialsPath);
        request.Headers.Add(ImdsHandler.TokenHeader, token);
        request.Headers.Host = "evil.example:" + server.Server.ImdsUri.Port.ToString(CultureInfo.InvariantCulture);

        using var response = await server.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("127.0.0.1:{port}")]
    [InlineData("127.1.2.3:{port}")]
    [InlineData("localhost:{port}")]
    [InlineData("LocalHost:{port}")]
    [InlineData("[::1]:{port}")]
    public async Task TokenAndCredentials_LoopbackHostWithBoundPort_Served(string host)
    {
        await using var server = await ServerFixture.StartAsync();
        var name = Expand(host, server.Server.ImdsUri.Port);
        using var put = new HttpRequestMessage(HttpMethod.Put, "latest/api/token");
        put.Headers.Host = name;
        using var tokenResponse = await server.Client.SendAsync(put, TestContext.Current.CancellationToken);
        var token = await tokenResponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var get = new HttpRequestMessage(HttpMethod.Get, CredentialsPath);
        get.Headers.Host = name;
        get.Headers.Add(ImdsHandler.TokenHeader, token);

        using var response = await server.Client.SendAsync(get, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, tokenResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("Origin", "http://evil.example:9911")]
    [InlineData("Origin", "http://127.0.0.1:9911")]
    [InlineData("Origin", "null")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    public async Task PutToken_BrowserHeadersWithLoopbackHost_403(string header, string value)
    {
        await using var server = await ServerFixture.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Put, "latest/api/token");
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await server.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ContainerEndpoint_RightTokenButForeignHostOrOrigin_403()
    {
        await using var server = await ServerFixture.StartAsync(container: true);
        var uri = server.Server.ContainerUri!;

        using var foreign = new HttpRequestMessage(HttpMethod.Get, uri);
        foreign.Headers.TryAddWithoutValidation("Authorization", ServerFixture.ContainerToken);
        foreign.Headers.Host = "evil.example:" + uri.Port.ToString(CultureInfo.InvariantCulture);
        using var origin = new HttpRequestMessage(HttpMethod.Get, uri);
        origin.Headers.TryAddWithoutValidation("Authorization", ServerFixture.ContainerToken);
        origin.Headers.TryAddWithoutValidation("Origin", "http://evil.example");
        using var plain = new HttpRequestMessage(HttpMethod.Get, uri);
        plain.Headers.TryAddWithoutValidation("Authorization", ServerFixture.ContainerToken);

        using var foreignResponse = await server.Client.SendAsync(foreign, TestContext.Current.CancellationToken);
        using var originResponse = await server.Client.SendAsync(origin, TestContext.Current.CancellationToken);
        using var plainResponse = await server.Client.SendAsync(plain, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, foreignResponse.StatusCode);
        Assert.Empty(await foreignResponse.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.Forbidden, originResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, plainResponse.StatusCode);
    }

    [Theory]
    [InlineData("172.17.0.1", "172.17.0.1:{port}", true)]
    [InlineData("172.17.0.1", "localhost:{port}", true)]
    [InlineData("172.17.0.1", "172.17.0.2:{port}", false)]
    [InlineData("172.17.0.1", "evil.example:{port}", false)]
    [InlineData("0.0.0.0", "169.254.170.2:{port}", true)]
    [InlineData("0.0.0.0", "evil.example:{port}", false)]
    [InlineData("::", "[fd00:ec2::23]:{port}", true)]
    public void ContainerHostRule_AllowsLoopbackAndTheConfiguredHostOnly(string containerHost, string host, bool allowed)
    {
        var guard = HostGuard.ForContainer(IPAddress.Parse(containerHost));

        Assert.Equal(allowed, guard.IsAllowedHost(new Microsoft.AspNetCore.Http.HostString(Expand(host, 8080)), 8080));
    }

    private static string Expand(string host, int port) => host
        .Replace("{port}", port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{otherPort}", (port == 65535 ? 1 : port + 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
