using System.Net;
using System.Text;
using RolesAnywhere.Credentials.Sessions;

namespace RolesAnywhere.Credentials.Tests.Sessions;

public sealed class CreateSessionResponseParserTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 25, 1, 30, 0, TimeSpan.Zero);

    private const string Success = """
        {"credentialSet":[{"assumedRoleUser":{"arn":"arn:aws:sts::444455556666:assumed-role/app/0123abcd","assumedRoleId":"AROAEXAMPLE:0123abcd"},
        "credentials":{"accessKeyId":"ASIAEXAMPLE","secretAccessKey":"secret/key","sessionToken":"token==","expiration":"2026-11-25T02:30:00Z"},
        "packedPolicySize":10,"roleArn":"arn:aws:iam::444455556666:role/app","sourceIdentity":"CN=client"}],
        "subjectArn":"arn:aws:rolesanywhere:eu-west-1:444455556666:subject/s1"}
        """;

    [Fact]
    public void Parse_ServiceAnswer_TakesFirstSetAccountAndUtcExpiration()
    {
        var credentials = CreateSessionResponseParser.Parse(Encoding.UTF8.GetBytes(Success), HttpStatusCode.Created, "req-1", Received);

        Assert.Equal("ASIAEXAMPLE", credentials.AccessKeyId);
        Assert.Equal("secret/key", credentials.SecretAccessKey);
        Assert.Equal("token==", credentials.SessionToken);
        Assert.Equal("444455556666", credentials.AccountId);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 2, 30, 0, TimeSpan.Zero), credentials.Expiration);
        Assert.Equal(TimeSpan.Zero, credentials.Expiration.Offset);
        Assert.Equal(DateTimeKind.Utc, credentials.Expiration.UtcDateTime.Kind);
        Assert.Equal("arn:aws:rolesanywhere:eu-west-1:444455556666:subject/s1", credentials.SubjectArn);
        Assert.Equal(Received, credentials.Obtained);
        var sdk = credentials.Sdk;
        Assert.Equal("444455556666", sdk.AccountId);
        Assert.True(sdk.UseToken);
    }

    [Fact]
    public void Parse_OffsetExpiration_IsConvertedToUtc()
    {
        var body = Success.Replace("2026-11-25T02:30:00Z", "2026-11-25T03:30:00+01:00", StringComparison.Ordinal);

        var credentials = CreateSessionResponseParser.Parse(Encoding.UTF8.GetBytes(body), HttpStatusCode.Created, null, Received);

        Assert.Equal(new DateTime(2026, 11, 25, 2, 30, 0, DateTimeKind.Utc), credentials.Expiration.UtcDateTime);
    }

    [Fact]
    public void ToString_NeverShowsSecrets()
    {
        var credentials = CreateSessionResponseParser.Parse(Encoding.UTF8.GetBytes(Success), HttpStatusCode.Created, null, Received);

        var text = credentials.ToString();

        // The access key id only as its last 4 characters (issue 11 item 15), the secrets not at all.
        Assert.Contains("MPLE", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ASIAEXAMPLE", text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret/key", text, StringComparison.Ordinal);
        Assert.DoesNotContain("token==", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"credentialSet\":[]}", "credentialSet is missing or empty")]
    [InlineData("{}", "credentialSet is missing or empty")]
    [InlineData("{\"credentialSet\":[{\"credentials\":{\"accessKeyId\":\"A\"}}]}", "lacks accessKeyId")]
    [InlineData("{\"credentialSet\":[{\"credentials\":{\"accessKeyId\":\"A\",\"secretAccessKey\":\"S\",\"sessionToken\":\"T\",\"expiration\":\"soon\"}}]}", "not an ISO-8601 time")]
    [InlineData("{\"credentialSet\":[{\"cred", "not valid JSON")]
    [InlineData("<html>502 Bad Gateway</html>", "not valid JSON")]
    [InlineData("null", "credentialSet is missing or empty")]
    public void Parse_UnusableBody_ThrowsClearServiceException(string body, string expected)
    {
        var ex = Assert.Throws<RolesAnywhereServiceException>(() => CreateSessionResponseParser.Parse(Encoding.UTF8.GetBytes(body), HttpStatusCode.Created, "req-9", Received));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains("req-9", ex.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, ex.StatusCode);
        Assert.Equal("req-9", ex.RequestId);
    }
}
