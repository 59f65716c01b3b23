using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.Tests.Signing;

/// <summary>A malformed request is refused before anything is signed, with a message naming the part and the fix.</summary>
public sealed class SigningRequestValidationTests
{
    private static readonly RolesAnywhereRequestSigner Signer = new(TestKeys.P256.Certificate, null, TestKeys.P256.CreateKey());

    public static TheoryData<string, string, string, string, string> BadRequests => new()
    {
        // host, path, contentType, region, expected text in the message
        { "", "/sessions", "application/json", "us-east-1", "Host is missing" },
        { "rolesanywhere .amazonaws.com", "/sessions", "application/json", "us-east-1", "SigningRequest.Host" },
        { "bücher.example", "/sessions", "application/json", "us-east-1", "punycode" },
        { "h", "sessions", "application/json", "us-east-1", "not an absolute path" },
        { "h", "/sessions?x=1", "application/json", "us-east-1", "QueryParameters" },
        { "h", "/a/../sessions", "application/json", "us-east-1", "'..' segments" },
        { "h", "/sessions", "", "us-east-1", "ContentType is missing" },
        { "h", "/sessions", "application/json\r\nX-Evil: 1", "us-east-1", "printable ASCII" },
        { "h", "/sessions", "application/json", "", "Region is missing" },
        { "h", "/sessions", "application/json", "US-EAST-1", "lower-case" },
        { "h", "/sessions", "application/json", "us-east-1-fips", "plain region" },
        { "h", "/sessions", "application/json", "fips-us-east-1", "plain region" },
        { "h", "/sessions", "application/json", new string('a', 65), "at most 64" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public void TryCreateAuthorizationHeader_BadRequest_ThrowsArgumentExceptionNamingThePart(string host, string path, string contentType, string region, string expected)
    {
        SigningRequest request = new(host, path, contentType, ReadOnlyMemory<byte>.Empty, DateTimeOffset.UnixEpoch, region);

        ArgumentException error = Assert.Throws<ArgumentException>(() => Signer.TryCreateAuthorizationHeader(request, new char[4096], out _));

        Assert.Equal("request", error.ParamName);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task CreateAuthorizationHeaderAsync_BadRequest_ThrowsArgumentException(string host, string path, string contentType, string region, string expected)
    {
        SigningRequest request = new(host, path, contentType, ReadOnlyMemory<byte>.Empty, DateTimeOffset.UnixEpoch, region);

        ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(async () => await Signer.CreateAuthorizationHeaderAsync(request, TestContext.Current.CancellationToken));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateAuthorizationHeader_DefaultRequest_ThrowsArgumentException()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Signer.CreateAuthorizationHeader(default));

        Assert.Contains("Host is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateAuthorizationHeader_NullQueryName_ThrowsArgumentException()
    {
        SigningRequest request = RolesAnywhereRequestSignerTests.CreateRequest(query: [KeyValuePair.Create((string)null!, "v")]);

        ArgumentException error = Assert.Throws<ArgumentException>(() => Signer.CreateAuthorizationHeader(request));

        Assert.Contains("Query parameter #0 has a null name", error.Message, StringComparison.Ordinal);
    }
}
