using RolesAnywhere.Credentials.Audit.Records;

namespace RolesAnywhere.Credentials.Audit.Tests.Records;

public sealed class CloudTrailRecordParserTests
{
    [Fact]
    public void TryParse_OnlyRequiredFields_OptionalOnesNull()
    {
        Assert.True(CloudTrailRecordParser.TryParse("""{"eventTime":"2026-11-20T08:00:00Z","eventSource":"s3.amazonaws.com","eventName":"GetObject"}"""u8, out var record, out _));
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero), record!.EventTime);
        Assert.Null(record.SourceIpAddress);
        Assert.Null(record.Identity.Arn);
        Assert.False(record.Failed);
    }

    [Fact]
    public void TryParse_UnknownFieldsAndUnexpectedTypes_Ignored()
    {
        var json = """
            {"future":{"a":[1,{"b":null}]},"eventTime":"2026-11-20T08:00:00Z","eventSource":"rolesanywhere.amazonaws.com","eventName":"CreateSession",
             "sourceIPAddress":42,"errorCode":"","userIdentity":"weird","requestParameters":["not","an","object"],
             "responseElements":{"credentialSet":[{"roleArn":7,"sourceIdentity":"CN=x","assumedRoleUser":{"arn":"arn:aws:sts::1:assumed-role/r/ab"}}]}}
            """u8;
        Assert.True(CloudTrailRecordParser.TryParse(json, out var record, out var problem), problem);
        Assert.Null(record!.SourceIpAddress);
        Assert.False(record.Failed);
        Assert.Null(record.Response.RoleArn);
        Assert.Equal(("CN=x", "arn:aws:sts::1:assumed-role/r/ab"), (record.Response.SourceIdentity, record.Response.AssumedRoleArn));
    }

    [Fact]
    public void TryParse_IdentityWithSessionContext_SourceIdentityRead()
    {
        var json = """
            {"eventTime":"2026-11-20T08:00:00Z","eventSource":"s3.amazonaws.com","eventName":"GetObject",
             "userIdentity":{"type":"AssumedRole","arn":"arn:aws:sts::1:assumed-role/app/1a","sessionContext":{"sessionIssuer":{"arn":"arn:aws:iam::1:role/app","type":"Role"},"sourceIdentity":"CN=web"}}}
            """u8;
        Assert.True(CloudTrailRecordParser.TryParse(json, out var record, out _));
        Assert.Equal(("AssumedRole", "arn:aws:sts::1:assumed-role/app/1a", "CN=web"), (record!.Identity.Type, record.Identity.Arn, record.Identity.SourceIdentity));
    }

    [Fact]
    public void TryParse_OtherServices_NestedElementsNotRead()
    {
        Assert.True(CloudTrailRecordParser.TryParse("""{"eventTime":"2026-11-20T08:00:00Z","eventSource":"iam.amazonaws.com","eventName":"AttachRolePolicy","requestParameters":{"roleArn":"x"}}"""u8, out var record, out _));
        Assert.Same(RecordParameters.Empty, record!.Request);
    }

    [Theory]
    [InlineData("""{"eventSource":"s3.amazonaws.com","eventName":"A"}""", "no eventTime")]
    [InlineData("""{"eventTime":"2026-13-45T00:00:00Z","eventSource":"s3.amazonaws.com","eventName":"A"}""", "is not an ISO 8601 time")]
    [InlineData("""{"eventTime":"2026-11-20T08:00:00Z","eventName":"A"}""", "no eventSource")]
    [InlineData("""{"eventTime":"2026-11-20T08:00:00Z","eventSource":"s3.amazonaws.com","eventName":"A" """, "invalid JSON")]
    [InlineData("""[1]""", "not a JSON object")]
    public void TryParse_Malformed_ProblemNamed(string json, string problem)
    {
        Assert.False(CloudTrailRecordParser.TryParse(System.Text.Encoding.UTF8.GetBytes(json), out _, out var actual));
        Assert.Contains(problem, actual, StringComparison.Ordinal);
    }
}
