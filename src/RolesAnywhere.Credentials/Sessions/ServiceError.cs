using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using RolesAnywhere.Credentials.Diagnostics;
using RolesAnywhere.Credentials.Sessions.Wire;

namespace RolesAnywhere.Credentials.Sessions;

/// <summary>
/// A CreateSession response that was not a success, read the way AWS JSON services report errors:
/// the type from <c>X-Amzn-ErrorType</c>, else the body's <c>__type</c> or <c>code</c>; the text from
/// <c>message</c>; the request id from <c>x-amzn-RequestId</c>. All of it is remote text, cleaned by
/// <see cref="RemoteText"/> before it can reach a message.
/// </summary>
internal sealed class ServiceError
{
    private const int MaxQuotedBodyChars = 200;

    private ServiceError(HttpStatusCode status, string? errorType, string? message, string? requestId, DateTimeOffset? serverDate, TimeSpan? retryAfter)
    {
        Status = status;
        ErrorType = errorType;
        Message = message;
        RequestId = requestId;
        ServerDate = serverDate;
        RetryAfter = retryAfter;
    }

    public HttpStatusCode Status { get; }

    /// <summary>Gets the bare error type, such as <c>AccessDeniedException</c>.</summary>
    public string? ErrorType { get; }

    public string? Message { get; }

    public string? RequestId { get; }

    /// <summary>Gets the response's <c>Date</c> header: the service's clock.</summary>
    public DateTimeOffset? ServerDate { get; }

    /// <summary>Gets the wait the service asked for (<c>Retry-After</c>, as seconds or a date), relative to <see cref="ServerDate"/> when a date.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Gets a value indicating whether the service said it is throttling this caller.</summary>
    public bool IsThrottling =>
        Status == HttpStatusCode.TooManyRequests
        || ErrorType is "ThrottlingException" or "TooManyRequestsException" or "Throttling" or "RequestLimitExceeded";

    /// <summary>Gets a value indicating whether the failure is on the service side (5xx) and may pass.</summary>
    public bool IsServerFault => (int)Status >= 500;

    public static ServiceError Read(HttpResponseMessage response, ReadOnlySpan<byte> body)
    {
        var headers = response.Headers;
        var type = Header(headers, "X-Amzn-ErrorType");
        string? message = null;
        if (!body.IsEmpty)
        {
            try
            {
                var parsed = JsonSerializer.Deserialize(body, SessionJsonContext.Default.ServiceErrorBody);
                message = RemoteText.Clean(parsed?.Message);
                type ??= parsed?.Type ?? parsed?.Code;
            }
            catch (JsonException)
            {
                message = Quote(body);
            }
        }

        var requestId = RemoteText.Clean(Header(headers, "x-amzn-RequestId") ?? Header(headers, "x-amz-request-id"));
        var serverDate = headers.Date;
        TimeSpan? retryAfter = headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - (serverDate ?? date),
            _ => null,
        };

        return new ServiceError(response.StatusCode, BareType(RemoteText.Clean(type)), message, requestId, serverDate, retryAfter);
    }

    /// <summary>Builds the exception callers see: what the service said, a hint at the fix, and a clock-skew warning when the clocks disagree.</summary>
    /// <param name="requestTime">The <c>X-Amz-Date</c> the request was signed with.</param>
    public RolesAnywhereServiceException ToException(DateTimeOffset requestTime)
    {
        var text = new StringBuilder(256);
        text.Append(CultureInfo.InvariantCulture, $"CreateSession was refused: HTTP {(int)Status}");
        if (ErrorType is not null)
        {
            text.Append(' ').Append(ErrorType);
        }

        text.Append(": ").Append(string.IsNullOrEmpty(Message) ? "(no message)" : Message).Append('.');
        var skew = ClockSkew.Describe(requestTime, ServerDate);
        if (skew is not null)
        {
            text.Append(' ').Append(skew);
        }

        var hint = ServiceErrorHints.For(this);
        if (hint is not null)
        {
            text.Append(' ').Append(hint);
        }

        if (RequestId is not null)
        {
            text.Append(" Request id: ").Append(RequestId).Append('.');
        }

        text.Append(" See ").Append(ServiceErrorHints.TroubleshootingUrl);
        return new RolesAnywhereServiceException(text.ToString(), Status, ErrorType, RequestId);
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    /// <summary>Strips decorations: <c>AccessDeniedException:http://…</c> and <c>com.amazon…#AccessDeniedException</c> both give <c>AccessDeniedException</c>.</summary>
    private static string? BareType(string? type)
    {
        if (string.IsNullOrWhiteSpace(type))
        {
            return null;
        }

        var colon = type.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            type = type[..colon];
        }

        var hash = type.LastIndexOf('#');
        if (hash >= 0)
        {
            type = type[(hash + 1)..];
        }

        return type.Trim();
    }

    private static string Quote(ReadOnlySpan<byte> body)
    {
        var text = RemoteText.Clean(Encoding.UTF8.GetString(body.Length > MaxQuotedBodyChars ? body[..MaxQuotedBodyChars] : body))!.Trim();
        return body.Length > MaxQuotedBodyChars ? text + "…" : text;
    }
}
