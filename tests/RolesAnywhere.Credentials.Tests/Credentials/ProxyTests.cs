using System.Net;
using RolesAnywhere.Credentials.TestSupport;

namespace RolesAnywhere.Credentials.Tests.Credentials;

/// <summary>CreateSession through an HTTP forward proxy named in <see cref="RolesAnywhereOptions.Proxy"/>.</summary>
public sealed class ProxyTests
{
    [Fact]
    public async Task GetCredentialsAsync_ProxyOption_CreateSessionGoesThroughTheProxy()
    {
        await using var world = await EmulatorWorld.StartAsync();
        await using var proxy = RecordingProxy.Listen();
        var options = world.IssueOptions();
        options.Proxy = new WebProxy(proxy.Address);
        using var credentials = world.Credentials(options);

        var immutable = await credentials.GetCredentialsAsync();

        Assert.False(string.IsNullOrEmpty(immutable.AccessKey));
        var line = Assert.Single(proxy.RequestLines);
        Assert.Equal($"POST {world.Emulator.Endpoint.GetLeftPart(UriPartial.Authority)}/sessions HTTP/1.1", line);
        Assert.Contains(world.SessionRequests, r => r.IssuedAccessKeyId == immutable.AccessKey);
    }
}
