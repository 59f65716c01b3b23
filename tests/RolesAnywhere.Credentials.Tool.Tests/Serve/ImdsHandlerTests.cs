using System.Net;
using System.Text.Json;
using RolesAnywhere.Credentials.Tool.Credentials;
using RolesAnywhere.Credentials.Tool.Serve;

namespace RolesAnywhere.Credentials.Tool.Tests.Serve;

public sealed class ImdsHandlerTests
{
    private const string Credentials = "latest/meta-data/iam/security-credentials/";

    [Theory]
    [InlineData(null, "21600")]
    [InlineData(1, "1")]
    [InlineData(21600, "21600")]
    public async Task PutToken_ValidOrMissingTtl_200AndTtlEchoed(int? ttl, string echoed)
    {
        await using var server = await ServerFixture.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Put, "latest/api/token");
        if (ttl is not null)
        {
            request.Headers.Add(ImdsHandler.TtlHeader, ttl.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        using var response = await server.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(echoed, Assert.Single(response.Headers.GetValues(ImdsHandler.TtlHeader)));
        Assert.NotEmpty(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("21601")]
    [InlineData("-5")]
    [InlineData("ten")]
    [InlineData("")]
    public async Task PutToken_TtlOutOfRange_400(string ttl)
    {
        await using var server = await ServerFixture.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Put, "latest/api/token");
        request.Headers.TryAddWithoutValidation(ImdsHandler.TtlHeader, ttl);

        using var response = await server.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task PutToken_XForwardedFor_400()
    {
        await using var server = await ServerFixture.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Put, "latest/api/token");
        request.Headers.Add("X-Forwarded-For", "10.0.0.7");

        using var response = await server.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "latest/api/token")]
    [InlineData("POST", "latest/api/token/")]
    [InlineData("PUT", Credentials)]
    [InlineData("POST", Credentials + "ToolTestRole")]
    [InlineData("DELETE", Credentials + "ToolTestRole/")]
    public async Task WrongMethod_405(string method, string path)
    {
        await using var server = await ServerFixture.StartAsync();
        var token = await server.TokenAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add(ImdsHandler.TokenHeader, token);

        using var response = await server.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-token")]
    public async Task GetCredentials_MissingOrUnknownToken_401(string? token)
    {
        await using var server = await ServerFixture.StartAsync();

        using var list = await server.GetAsync(Credentials, token);
        using var role = await server.GetAsync(Credentials + "ToolTestRole", token);

        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, role.StatusCode);
    }

    [Fact]
    public async Task GetCredentials_TokenPastItsTtl_401()
    {
        await using var server = await ServerFixture.StartAsync();
        var token = await server.TokenAsync(ttl: 60);

        using (var fresh = await server.GetAsync(Credentials, token))
        {
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        }

        server.Time.Advance(TimeSpan.FromSeconds(61));
        using var expired = await server.GetAsync(Credentials, token);

        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }

    [Theory]
    [InlineData("latest/meta-data/iam/security-credentials")]
    [InlineData("latest/meta-data/iam/security-credentials/")]
    public async Task GetRoleList_WithOrWithoutTrailingSlash_RoleName(string path)
    {
        await using var server = await ServerFixture.StartAsync();
        var token = await server.TokenAsync();

        using var response = await server.GetAsync(path, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ToolTestRole", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(Credentials + "ToolTestRole")]
    [InlineData(Credentials + "ToolTestRole/")]
    public async Task GetRoleCredentials_WithOrWithoutTrailingSlash_FullEc2Document(string path)
    {
        await using var server = await ServerFixture.StartAsync();
        var token = await server.TokenAsync();
        var expected = server.Keeper.Current!;

        using var response = await server.GetAsync(path, token);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var root = body.RootElement;
        Assert.Equal("Success", root.GetProperty("Code").GetString());
        Assert.Equal("AWS-HMAC", root.GetProperty("Type").GetString());
        Assert.Equal(expected.AccessKeyId, root.GetProperty("AccessKeyId").GetString());
        Assert.Equal(expected.SecretAccessKey, root.GetProperty("SecretAccessKey").GetString());
        Assert.Equal(expected.SessionToken, root.GetProperty("Token").GetString());
        Assert.Equal(IsoTime.Write(expected.Expiration), root.GetProperty("Expiration").GetString());
        Assert.Equal(IsoTime.Write(expected.Obtained), root.GetProperty("LastUpdated").GetString());
    }

    [Theory]
    [InlineData(Credentials + "SomeOtherRole")]
    [InlineData("latest/meta-data/instance-id")]
    [InlineData("latest/api")]
    [InlineData("")]
    public async Task Get_UnknownRoleOrPath_404(string path)
    {
        await using var server = await ServerFixture.StartAsync();
        var token = await server.TokenAsync();

        using var response = await server.GetAsync(path, token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GetRoleCredentials_NeverObtained_500NotEmptyCredentials()
    {
        await using var server = await ServerFixture.StartAsync(prime: false);
        server.Source.FailWith = new RolesAnywhereServiceException("Untrusted signing certificate", HttpStatusCode.Forbidden, "AccessDeniedException", null);
        var token = await server.TokenAsync();

        using var response = await server.GetAsync(Credentials + "ToolTestRole", token);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("AccessKeyId", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetRoleCredentials_RefreshFailsWhileValid_LastGoodThen500AfterExpiry()
    {
        await using var server = await ServerFixture.StartAsync();
        var token = await server.TokenAsync();
        var good = server.Keeper.Current!;
        server.Source.FailWith = new RolesAnywhereServiceException("throttled", HttpStatusCode.TooManyRequests, "ThrottlingException", null);

        server.Time.Advance(TimeSpan.FromMinutes(50));
        await server.Keeper.RefreshAsync(TestContext.Current.CancellationToken);
        using (var stillGood = await server.GetAsync(Credentials + "ToolTestRole", token))
        {
            Assert.Equal(HttpStatusCode.OK, stillGood.StatusCode);
            Assert.Contains(good.AccessKeyId, await stillGood.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        server.Time.Advance(TimeSpan.FromMinutes(10));
        using var expired = await server.GetAsync(Credentials + "ToolTestRole", token);

        Assert.Equal(HttpStatusCode.InternalServerError, expired.StatusCode);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task AcceptedConnection_HopLimitApplied(int hopLimit)
    {
        await using var server = await ServerFixture.StartAsync(hopLimit);

        await server.TokenAsync();

        Assert.Equal((short)hopLimit, Assert.Single(server.ObservedTtls()));
    }
}
