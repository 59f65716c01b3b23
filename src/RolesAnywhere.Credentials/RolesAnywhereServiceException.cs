using System.Net;

namespace RolesAnywhere.Credentials;

/// <summary>
/// The IAM Roles Anywhere service (or the network on the way to it) refused a <c>CreateSession</c>
/// request. <see cref="Exception.Message"/> carries the service's words and a hint at the usual cause.
/// </summary>
public class RolesAnywhereServiceException : RolesAnywhereException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The service's message and, where known, a hint at the fix.</param>
    /// <param name="statusCode">The HTTP status code, or <see langword="null"/> when no response arrived.</param>
    /// <param name="errorType">The AWS error type (<c>X-Amzn-ErrorType</c>), when the service gave one.</param>
    /// <param name="requestId">The service's request id, to quote to AWS Support.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public RolesAnywhereServiceException(string message, HttpStatusCode? statusCode, string? errorType, string? requestId, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorType = errorType;
        RequestId = requestId;
    }

    /// <summary>Gets the HTTP status code, or <see langword="null"/> when no response arrived (network failure, timeout).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Gets the AWS error type, such as <c>AccessDeniedException</c>, when the service gave one.</summary>
    public string? ErrorType { get; }

    /// <summary>Gets the service's request id, when the service gave one.</summary>
    public string? RequestId { get; }
}
