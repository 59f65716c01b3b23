using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using RolesAnywhere.Credentials.Testing.Tests.Support;

namespace RolesAnywhere.Credentials.Testing.Tests.Sts;

/// <summary>
/// GetCallerIdentity over raw HTTP with a test-only SigV4 (HMAC) signer: the JSON 1.0 protocol
/// (<c>X-Amz-Target</c>) as well as the query protocol, and tampering after signing.
/// </summary>
public sealed class StsRawProtocolTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const string JsonTarget = "AWSSecurityTokenServiceV20110615.GetCallerIdentity";
    private const string QueryBody = "Action=GetCallerIdentity&Version=2011-06-15";

    [Fact]
    public async Task GetCallerIdentity_JsonProtocol_AnswersJson()
    {
        var issued = await IssueAsync();

        using var response = await SendAsync(issued, "{}", "application/x-amz-json-1.0", JsonTarget);

        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(issued.AssumedRoleArn, json.RootElement.GetProperty("Arn").GetString());
        Assert.Equal("111122223333", json.RootElement.GetProperty("Account").GetString());
    }

    [Fact]
    public async Task GetCallerIdentity_JsonProtocolBadSignature_JsonError()
    {
        var issued = await IssueAsync();

        using var response = await SendAsync(issued with { Secret = issued.Secret + "x" }, "{}", "application/x-amz-json-1.0", JsonTarget);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("SignatureDoesNotMatch", Assert.Single(response.Headers.GetValues("X-Amzn-ErrorType")));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("SignatureDoesNotMatch", json.RootElement.GetProperty("__type").GetString());
    }

    [Fact]
    public async Task GetCallerIdentity_QueryProtocolBodyChangedAfterSigning_XmlSignatureDoesNotMatch()
    {
        var issued = await IssueAsync();

        using var response = await SendAsync(issued, QueryBody, "application/x-www-form-urlencoded; charset=utf-8", target: null, sentBody: QueryBody + "&X=1");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        XNamespace ns = "https://sts.amazonaws.com/doc/2011-06-15/";
        Assert.Equal("SignatureDoesNotMatch", xml.Root!.Element(ns + "Error")!.Element(ns + "Code")!.Value);
        Assert.Equal("Sender", xml.Root!.Element(ns + "Error")!.Element(ns + "Type")!.Value);
    }

    [Fact]
    public async Task GetCallerIdentity_QueryProtocolOtherAction_InvalidAction()
    {
        var issued = await IssueAsync();

        using var response = await SendAsync(issued, "Action=AssumeRole&Version=2011-06-15", "application/x-www-form-urlencoded", target: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("InvalidAction", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private Task<IssuedCredentials> IssueAsync() =>
        IssuedCredentials.CreateSessionAsync(fixture.Http, fixture.Request(TestPki.EcLeaf, fixture.EcAnchorArn));

    /// <summary>Signs like SigV4 (AWS4-HMAC-SHA256, service sts), written here independently of the emulator.</summary>
    private async Task<HttpResponseMessage> SendAsync(IssuedCredentials issued, string body, string contentType, string? target, string? sentBody = null)
    {
        var endpoint = fixture.Emulator.Endpoint;
        var amzDate = fixture.Clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["content-type"] = contentType,
            ["host"] = $"{endpoint.Host}:{endpoint.Port}",
            ["x-amz-date"] = amzDate,
            ["x-amz-security-token"] = issued.Token,
        };
        if (target is not null)
        {
            headers["x-amz-target"] = target;
        }

        var signedHeaders = string.Join(';', headers.Keys);
        var canonical = $"POST\n/\n\n{string.Concat(headers.Select(h => $"{h.Key}:{h.Value}\n"))}\n{signedHeaders}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(body)))}";
        var scope = $"{amzDate[..8]}/us-east-1/sts/aws4_request";
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var key = Encoding.UTF8.GetBytes("AWS4" + issued.Secret);
        foreach (var part in new[] { amzDate[..8], "us-east-1", "sts", "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        var signature = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        using var message = new HttpRequestMessage(HttpMethod.Post, endpoint);
        message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(sentBody ?? body));
        message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        message.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        message.Headers.TryAddWithoutValidation("X-Amz-Security-Token", issued.Token);
        if (target is not null)
        {
            message.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        }

        message.Headers.TryAddWithoutValidation("Authorization", $"AWS4-HMAC-SHA256 Credential={issued.AccessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}");
        return await fixture.Http.SendAsync(message, TestContext.Current.CancellationToken);
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}
