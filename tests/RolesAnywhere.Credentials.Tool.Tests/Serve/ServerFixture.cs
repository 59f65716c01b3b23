using System.Net;
using Microsoft.Extensions.Time.Testing;
using RolesAnywhere.Credentials.Tool.Credentials;
using RolesAnywhere.Credentials.Tool.Serve;
using RolesAnywhere.Credentials.Tool.Tests.Support;

namespace RolesAnywhere.Credentials.Tool.Tests.Serve;

/// <summary>A running <see cref="CredentialServer"/> on loopback ports, fed by a scripted session source on a fake clock.</summary>
internal sealed class ServerFixture : IAsyncDisposable
{
    public const string RoleArn = "arn:aws:iam::111122223333:role/ToolTestRole";
    public const string ContainerToken = "container-token-0123456789abcdef";

    private ServerFixture(FakeTimeProvider time, ScriptedCredentialSource source, CredentialKeeper keeper, CredentialServer server)
    {
        Time = time;
        Source = source;
        Keeper = keeper;
        Server = server;
        Client = new HttpClient { BaseAddress = server.ImdsUri };
    }

    public FakeTimeProvider Time { get; }

    public ScriptedCredentialSource Source { get; }

    public CredentialKeeper Keeper { get; }

    public CredentialServer Server { get; }

    public HttpClient Client { get; }

    public static async Task<ServerFixture> StartAsync(int hopLimit = 64, bool container = false, bool prime = true)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var source = new ScriptedCredentialSource(time);
        var keeper = new CredentialKeeper(source, time);
        if (prime)
        {
            await keeper.RefreshAsync(TestContext.Current.CancellationToken);
        }

        var ttls = new List<short>();
        var settings = new ServeSettings
        {
            Port = 0,
            HopLimit = hopLimit,
            RoleArn = RoleArn,
            RoleName = "ToolTestRole",
            ContainerEndpoint = container ? new IPEndPoint(IPAddress.Loopback, 0) : null,
            ContainerToken = container ? ContainerToken : null,
            WaitForCredentials = TimeSpan.FromSeconds(2),
            ConnectionAccepted = socket =>
            {
                lock (ttls)
                {
                    ttls.Add(socket.Ttl);
                }
            },
        };
        var server = await CredentialServer.StartAsync(settings, keeper, time, TestContext.Current.CancellationToken);
        var fixture = new ServerFixture(time, source, keeper, server);
        fixture.ttlSink = ttls;
        return fixture;
    }

    private List<short> ttlSink = [];

    public short[] ObservedTtls()
    {
        lock (ttlSink)
        {
            return [.. ttlSink];
        }
    }

    public async Task<string> TokenAsync(int? ttl = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "latest/api/token");
        if (ttl is { } seconds)
        {
            request.Headers.Add(ImdsHandler.TtlHeader, seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        using var response = await Client.SendAsync(request, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    public async Task<HttpResponseMessage> GetAsync(string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Add(ImdsHandler.TokenHeader, token);
        }

        return await Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
