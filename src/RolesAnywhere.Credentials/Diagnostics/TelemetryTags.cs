namespace RolesAnywhere.Credentials.Diagnostics;

/// <summary>Tag names on spans and measurements (OpenTelemetry semantic conventions where one exists).</summary>
internal static class TelemetryTags
{
    public const string Region = "cloud.region";
    public const string ServerAddress = "server.address";
    public const string ServerPort = "server.port";
    public const string ErrorType = "error.type";
    public const string RequestId = "aws.request_id";
    public const string HttpStatus = "http.response.status_code";
    public const string Outcome = "rolesanywhere.outcome";
    public const string CertificateSerial = "rolesanywhere.certificate.serial";
    public const string CertificateNotAfter = "rolesanywhere.certificate.not_after";
    public const string Attempt = "rolesanywhere.attempt";
    public const string RenewalStage = "rolesanywhere.renewal.stage";

    public const string Success = "success";
    public const string Failure = "failure";
    public const string Renewed = "renewed";
    public const string RenewedElsewhere = "renewed_elsewhere";
}
