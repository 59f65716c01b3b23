using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using RolesAnywhere.Credentials.Testing.Tests.Support;

namespace RolesAnywhere.Credentials.Testing.Tests;

/// <summary>Every shared vector replayed over real HTTP to an emulator configured like the account it was captured for.</summary>
public sealed class RolesAnywhereEmulatorVectorTests
{
    public static TheoryData<string, string> Vectors => CapturedVector.All;

    [Theory]
    [MemberData(nameof(Vectors))]
    public async Task CreateSession_CapturedRequestReplayed_Returns201(string file, string anchor)
    {
        var vector = CapturedVector.Load(file, anchor);
        await using var emulator = await StartForAsync(vector);

        using var response = await SendAsync(emulator, vector, vector.Body);

        var body = await ResponseAssert.CreatedAsync(response);
        Assert.Equal(vector.Arn("roleArn"), body.GetProperty("credentialSet")[0].GetProperty("roleArn").GetString());
        Assert.Equal(1, emulator.SuccessfulSessionCount);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public async Task CreateSession_CapturedRequestWithBodyByteChanged_InvalidSignature(string file, string anchor)
    {
        var vector = CapturedVector.Load(file, anchor);
        await using var emulator = await StartForAsync(vector);

        using var response = await SendAsync(emulator, vector, vector.Body.Replace("0", "1", StringComparison.Ordinal));

        await ResponseAssert.ErrorAsync(response, HttpStatusCode.Forbidden, "AccessDeniedException", "Invalid signature");
        Assert.Equal(0, emulator.SuccessfulSessionCount);
    }

    [Fact]
    public async Task CreateSession_CapturedRequestToOtherHost_Refused()
    {
        var vector = CapturedVector.Load("go-helper-v1.1.1/rsa2048-capture.json", "go-helper-v1.1.1/root-ca.crt");
        await using var emulator = await StartForAsync(vector, acceptHost: false);

        using var response = await SendAsync(emulator, vector, vector.Body);

        await ResponseAssert.ErrorAsync(response, HttpStatusCode.Forbidden, "AccessDeniedException", "Invalid signature");
        Assert.Contains("Host", emulator.Requests[^1].RejectionReason, StringComparison.Ordinal);
    }

    private static async Task<RolesAnywhereEmulator> StartForAsync(CapturedVector vector, bool acceptHost = true)
    {
        var trustTime = vector.TrustTime();
        var options = new RolesAnywhereEmulatorOptions
        {
            Region = vector.Region,
            AccountId = vector.Arn("roleArn").Split(':')[4],
            TimeProvider = new FakeTimeProvider(trustTime),
            AllowedClockSkew = TimeSpan.FromMinutes(5) + (trustTime - vector.SignedAt),
        };
        if (acceptHost)
        {
            options.AcceptedHosts.Add(vector.Header("Host"));
        }

        var emulator = await RolesAnywhereEmulator.StartAsync(options, TestContext.Current.CancellationToken);
        Assert.Equal(vector.Arn("trustAnchorArn"), emulator.AddTrustAnchor(vector.Anchor, vector.Arn("trustAnchorArn").Split('/')[^1]));
        Assert.Equal(vector.Arn("profileArn"), emulator.AddProfile(
            new EmulatorProfile { RoleArns = [vector.Arn("roleArn")], AcceptRoleSessionName = true },
            vector.Arn("profileArn").Split('/')[^1]));
        return emulator;
    }

    private static async Task<HttpResponseMessage> SendAsync(RolesAnywhereEmulator emulator, CapturedVector vector, string body)
    {
        using var http = new HttpClient();
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.Endpoint, vector.PathAndQuery.TrimStart('/')));
        message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(vector.Header("Content-Type"));
        foreach (var (name, value) in vector.Headers)
        {
            if (name == "Host")
            {
                message.Headers.Host = value;
            }
            else if (name != "Content-Type")
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return await http.SendAsync(message, TestContext.Current.CancellationToken);
    }
}
