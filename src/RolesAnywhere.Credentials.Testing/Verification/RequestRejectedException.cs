namespace RolesAnywhere.Credentials.Testing.Verification;

/// <summary>
/// Thrown inside the emulator when a request must be refused: carries the HTTP status, the AWS error type
/// and message the service would send, and the emulator's own precise reason (recorded for assertions,
/// never sent to the client).
/// </summary>
internal sealed class RequestRejectedException : Exception
{
    public const string InvalidSignature = "Invalid signature";
    public const string UntrustedCertificate = "Untrusted signing certificate";

    public RequestRejectedException(int statusCode, string errorType, string serviceMessage, string reason)
        : base(reason)
    {
        StatusCode = statusCode;
        ErrorType = errorType;
        ServiceMessage = serviceMessage;
    }

    public int StatusCode { get; }

    public string ErrorType { get; }

    public string ServiceMessage { get; }

    public static RequestRejectedException BadSignature(string reason) =>
        new(403, "AccessDeniedException", InvalidSignature, reason);

    public static RequestRejectedException Untrusted(string reason) =>
        new(403, "AccessDeniedException", UntrustedCertificate, reason);

    public static RequestRejectedException AccessDenied(string message) =>
        new(403, "AccessDeniedException", message, message);

    public static RequestRejectedException Validation(string message) =>
        new(400, "ValidationException", message, message);

    public static RequestRejectedException NotFound(string message) =>
        new(404, "ResourceNotFoundException", message, message);
}
