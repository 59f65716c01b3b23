using System.Net;
using System.Net.Sockets;
using System.Text;
using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.Tests.Signing;

/// <summary>The Host value signed must be the one HTTP clients send: the port only when not the scheme's default.</summary>
public sealed class FormatHostHeaderTests
{
    [Theory]
    [InlineData("https://rolesanywhere.us-east-1.amazonaws.com", "rolesanywhere.us-east-1.amazonaws.com")]
    [InlineData("https://rolesanywhere.us-east-1.amazonaws.com:443/", "rolesanywhere.us-east-1.amazonaws.com")]
    [InlineData("https://rolesanywhere.us-east-1.amazonaws.com:8443", "rolesanywhere.us-east-1.amazonaws.com:8443")]
    [InlineData("http://127.0.0.1:80", "127.0.0.1")]
    [InlineData("http://127.0.0.1:8080", "127.0.0.1:8080")]
    [InlineData("https://127.0.0.1:80", "127.0.0.1:80")]
    [InlineData("https://RolesAnywhere.EU-West-1.AmazonAWS.com", "rolesanywhere.eu-west-1.amazonaws.com")]
    [InlineData("https://[::1]:9443", "[::1]:9443")]
    [InlineData("https://bücher.example", "xn--bcher-kva.example")]
    public void FormatHostHeader_Endpoint_HostWithPortOnlyWhenNotDefault(string endpoint, string expected)
    {
        Assert.Equal(expected, RolesAnywhereRequestSigner.FormatHostHeader(new Uri(endpoint)));
    }

    [Fact]
    public void FormatHostHeader_RelativeUri_ThrowsArgumentException()
    {
        Assert.Equal("endpoint", Assert.Throws<ArgumentException>(() => RolesAnywhereRequestSigner.FormatHostHeader(new Uri("/sessions", UriKind.Relative))).ParamName);
    }

    [Fact]
    public void FormatHostHeader_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => RolesAnywhereRequestSigner.FormatHostHeader(null!));
    }

    [Fact]
    public async Task FormatHostHeader_NonDefaultPort_EqualsWhatHttpClientSends()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/sessions");
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;

        Task<string> received = ReadRequestHeadAsync(listener, cancellationToken);
        using var client = new HttpClient();
        Task<HttpResponseMessage> sending = client.PostAsync(endpoint, new ByteArrayContent([]), cancellationToken);
        string head = await received;

        string sentHost = head.Split("\r\n").Single(line => line.StartsWith("Host:", StringComparison.OrdinalIgnoreCase))["Host:".Length..].Trim();
        Assert.Equal(sentHost, RolesAnywhereRequestSigner.FormatHostHeader(endpoint));
        using HttpResponseMessage response = await sending;
    }

    private static async Task<string> ReadRequestHeadAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        using TcpClient connection = await listener.AcceptTcpClientAsync(cancellationToken);
        NetworkStream stream = connection.GetStream();
        var head = new StringBuilder();
        byte[] buffer = new byte[4096];
        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            int read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                break;
            }

            head.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        await stream.WriteAsync("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), cancellationToken);
        return head.ToString();
    }
}
