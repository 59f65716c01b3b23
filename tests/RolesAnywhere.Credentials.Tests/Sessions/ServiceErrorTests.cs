using System.Net;
using System.Net.Http.Headers;
using System.Text;
using RolesAnywhere.Credentials.Sessions;

namespace RolesAnywhere.Credentials.Tests.Sessions;

public sealed class ServiceErrorTests
{
    private static readonly DateTimeOffset SignedAt = new(2026, 11, 25, 1, 0, 0, TimeSpan.Zero);

    private static HttpResponseMessage Response(HttpStatusCode status, string? body, string? errorTypeHeader = null, DateTimeOffset? date = null)
    {
        var response = new HttpResponseMessage(status);
        if (errorTypeHeader is not null)
        {
            response.Headers.TryAddWithoutValidation("X-Amzn-ErrorType", errorTypeHeader);
        }

        response.Headers.TryAddWithoutValidation("x-amzn-RequestId", "11111111-2222-3333-4444-555555555555");
        response.Headers.Date = date ?? SignedAt;
        return response;
    }

    private static RolesAnywhereServiceException Map(HttpStatusCode status, string? body, string? header = null, DateTimeOffset? date = null)
    {
        using var response = Response(status, body, header, date);
        return ServiceError.Read(response, body is null ? [] : Encoding.UTF8.GetBytes(body)).ToException(SignedAt);
    }

    [Theory]
    [InlineData("AccessDeniedException", "Untrusted signing certificate", ServiceErrorHints.UntrustedCertificate)]
    [InlineData("AccessDeniedException", "Invalid signature", ServiceErrorHints.InvalidSignature)]
    [InlineData("AccessDeniedException", "Unable to assume role arn:aws:iam::111122223333:role/app", ServiceErrorHints.RoleAccessDenied)]
    [InlineData("AccessDeniedException", "Profile does not accept a role session name", ServiceErrorHints.SessionNameRefused)]
    [InlineData("ValidationException", "durationSeconds exceeds the profile's limit", ServiceErrorHints.DurationRefused)]
    [InlineData("ResourceNotFoundException", "Trust anchor not found", ServiceErrorHints.NotFound)]
    [InlineData("AccessDeniedException", "Trust anchor is disabled", ServiceErrorHints.Disabled)]
    [InlineData("AccessDeniedException", "Certificate revoked", ServiceErrorHints.CertificateRejected)]
    [InlineData("AccessDeniedException", "", ServiceErrorHints.RoleAccessDenied)]
    public void ToException_KnownMessage_CarriesItsHint(string type, string message, string hint)
    {
        var ex = Map(HttpStatusCode.Forbidden, $$"""{"message":"{{message}}"}""", type);

        Assert.Contains(hint, ex.Message, StringComparison.Ordinal);
        Assert.Equal(type, ex.ErrorType);
        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Equal("11111111-2222-3333-4444-555555555555", ex.RequestId);
        Assert.Contains("11111111-2222-3333-4444-555555555555", ex.Message, StringComparison.Ordinal);
        Assert.Contains(ServiceErrorHints.TroubleshootingUrl, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Unable to assume role for arn:aws:iam::111122223333:role/app")]
    [InlineData("")]
    public void ToException_RoleRefusal_SaysHowToEvaluateTheTrustPolicy(string message)
    {
        var ex = Map(HttpStatusCode.Forbidden, $$"""{"message":"{{message}}"}""", "AccessDeniedException");

        Assert.Contains("rolesanywhere policy evaluate --policy role.json --certificate CERTIFICATE.pem --trust-anchor-arn TRUST_ANCHOR_ARN", ex.Message, StringComparison.Ordinal);
        Assert.Contains("aws iam get-role --role-name ROLE", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Untrusted signing certificate")]
    [InlineData("Invalid signature")]
    [InlineData("Profile does not accept a role session name")]
    public void ToException_RefusalNotAboutTheRole_NoTrustPolicyAdvice(string message)
    {
        var ex = Map(HttpStatusCode.Forbidden, $$"""{"message":"{{message}}"}""", "AccessDeniedException");

        Assert.DoesNotContain("policy evaluate", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AccessDeniedException:http://internal.amazon.com/coral/com.amazonaws.rolesanywhere/", null, "AccessDeniedException")]
    [InlineData(null, "com.amazonaws.rolesanywhere#ValidationException", "ValidationException")]
    [InlineData(null, "ThrottlingException", "ThrottlingException")]
    public void Read_TypeFromHeaderOrBody_IsBare(string? header, string? bodyType, string expected)
    {
        var body = bodyType is null ? """{"message":"m"}""" : $$"""{"__type":"{{bodyType}}","message":"m"}""";
        using var response = Response(HttpStatusCode.BadRequest, body, header);

        var error = ServiceError.Read(response, Encoding.UTF8.GetBytes(body));

        Assert.Equal(expected, error.ErrorType);
        Assert.Equal("m", error.Message);
    }

    [Fact]
    public void Read_CodeAndCapitalMessage_AreUnderstood()
    {
        const string body = """{"code":"AccessDeniedException","Message":"Untrusted signing certificate"}""";
        using var response = Response(HttpStatusCode.Forbidden, body);

        var error = ServiceError.Read(response, Encoding.UTF8.GetBytes(body));

        Assert.Equal("AccessDeniedException", error.ErrorType);
        Assert.Equal("Untrusted signing certificate", error.Message);
    }

    [Fact]
    public void Read_HtmlBodyFromProxy_QuotesIt()
    {
        var ex = Map(HttpStatusCode.BadGateway, "<html><body>502 Bad Gateway</body></html>");

        Assert.Contains("502 Bad Gateway", ex.Message, StringComparison.Ordinal);
        Assert.Contains(ServiceErrorHints.ServerFault, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Throttling_IsRecognizedWithRetryAfter()
    {
        using var response = Response(HttpStatusCode.BadRequest, """{"message":"Rate exceeded"}""", "ThrottlingException");
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(3));

        var error = ServiceError.Read(response, Encoding.UTF8.GetBytes("""{"message":"Rate exceeded"}"""));

        Assert.True(error.IsThrottling);
        Assert.Equal(TimeSpan.FromSeconds(3), error.RetryAfter);
        Assert.Contains(ServiceErrorHints.Throttled, error.ToException(SignedAt).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RetryAfterAsDate_IsRelativeToServiceClock()
    {
        using var response = Response(HttpStatusCode.TooManyRequests, null);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(SignedAt.AddSeconds(7));

        var error = ServiceError.Read(response, []);

        Assert.True(error.IsThrottling);
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.Contains("(no message)", error.ToException(SignedAt).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToException_ServiceClockFarFromOurs_SaysSo()
    {
        var ex = Map(HttpStatusCode.Forbidden, """{"message":"Invalid signature"}""", "AccessDeniedException", SignedAt.AddMinutes(-12));

        Assert.Contains("about 12 minutes ahead of the service's", ex.Message, StringComparison.Ordinal);
        Assert.Contains("NTP", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToException_ClocksClose_SaysNothingAboutSkew()
    {
        var ex = Map(HttpStatusCode.Forbidden, """{"message":"Invalid signature"}""", "AccessDeniedException", SignedAt.AddMinutes(2));

        Assert.DoesNotContain("clock is about", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"message\":\"\\u001b[31mdenied\\u001b[0m\\u0007 \\u202eok\"}", "AccessDeniedException\u001b]0;x\u0007")]
    [InlineData("<html>\u001b[31mbad\u001b[0m\r\ngateway\u009b</html>", null)]
    public void ToException_ControlCharactersInBodyOrType_Stripped(string body, string? type)
    {
        var ex = Map(HttpStatusCode.BadGateway, body, type);

        Assert.DoesNotMatch(@"[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]", ex.Message);
        Assert.DoesNotMatch(@"[\u0000-\u001f]", ex.ErrorType ?? string.Empty);
        Assert.Contains("[31m", ex.Message, StringComparison.Ordinal);
    }
}
