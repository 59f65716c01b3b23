using System.Net;
using System.Text.Json;

namespace RolesAnywhere.Credentials.Tool.Tests.Serve;

public sealed class ContainerHandlerTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    [InlineData(ServerFixture.ContainerToken + "x")]
    public async Task Get_MissingOrWrongToken_401(string? token)
    {
        await using var server = await ServerFixture.StartAsync(container: true);

        using var response = await SendAsync(server, HttpMethod.Get, server.Server.ContainerUri!, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_RightToken_CredentialsWithRoleArn()
    {
        await using var server = await ServerFixture.StartAsync(container: true);
        var expected = server.Keeper.Current!;

        using var response = await SendAsync(server, HttpMethod.Get, server.Server.ContainerUri!, ServerFixture.ContainerToken);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected.AccessKeyId, body.RootElement.GetProperty("AccessKeyId").GetString());
        Assert.Equal(expected.SecretAccessKey, body.RootElement.GetProperty("SecretAccessKey").GetString());
        Assert.Equal(expected.SessionToken, body.RootElement.GetProperty("Token").GetString());
        Assert.Equal(ServerFixture.RoleArn, body.RootElement.GetProperty("RoleArn").GetString());
        Assert.True(body.RootElement.TryGetProperty("Expiration", out _));
    }

    [Fact]
    public async Task Request_WrongMethodOrPath_405Or404()
    {
        await using var server = await ServerFixture.StartAsync(container: true);
        var uri = server.Server.ContainerUri!;

        using var post = await SendAsync(server, HttpMethod.Post, uri, ServerFixture.ContainerToken);
        using var other = await SendAsync(server, HttpMethod.Get, new Uri(uri, "/latest/api/token"), ServerFixture.ContainerToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task Get_NoValidCredentials_500()
    {
        await using var server = await ServerFixture.StartAsync(container: true, prime: false);
        server.Source.FailWith = new RolesAnywhereServiceException("down", HttpStatusCode.ServiceUnavailable, null, null);

        using var response = await SendAsync(server, HttpMethod.Get, server.Server.ContainerUri!, ServerFixture.ContainerToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public async Task Listener_ContainerEndpoint_KeepsDefaultHopLimit()
    {
        await using var server = await ServerFixture.StartAsync(hopLimit: 1, container: true);

        using var response = await SendAsync(server, HttpMethod.Get, server.Server.ContainerUri!, ServerFixture.ContainerToken);

        Assert.DoesNotContain((short)1, server.ObservedTtls());
    }

    private static async Task<HttpResponseMessage> SendAsync(ServerFixture server, HttpMethod method, Uri uri, string? token)
    {
        using var request = new HttpRequestMessage(method, uri);
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", token);
        }

        return await server.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
