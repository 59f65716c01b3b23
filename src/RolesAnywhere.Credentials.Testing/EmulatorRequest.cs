using RolesAnywhere.Credentials.Authorization.Identity;
using RolesAnywhere.Credentials.Authorization.Policies;

namespace RolesAnywhere.Credentials.Testing;

/// <summary>One request the emulator received and what it answered, for assertions.</summary>
public sealed class EmulatorRequest
{
    internal EmulatorRequest(
        DateTimeOffset receivedAt,
        string method,
        string path,
        string queryString,
        IReadOnlyDictionary<string, string> headers,
        string body)
    {
        ReceivedAt = receivedAt;
        Method = method;
        Path = path;
        QueryString = queryString;
        Headers = headers;
        Body = body;
    }

    /// <summary>Gets when the request arrived, by the emulator's clock.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>Gets the HTTP method.</summary>
    public string Method { get; }

    /// <summary>Gets the raw request path (for example <c>/sessions</c>).</summary>
    public string Path { get; }

    /// <summary>Gets the raw query string including the leading <c>?</c>, or an empty string.</summary>
    public string QueryString { get; }

    /// <summary>Gets the request headers (case-insensitive names; repeated headers joined with a comma).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>Gets the request body as UTF-8 text.</summary>
    public string Body { get; }

    /// <summary>Gets the HTTP status answered (0 when the connection was reset).</summary>
    public int StatusCode { get; internal set; }

    /// <summary>Gets the AWS error type answered (<c>X-Amzn-ErrorType</c>), or <see langword="null"/> on success.</summary>
    public string? ErrorType { get; internal set; }

    /// <summary>Gets the error <c>message</c> sent to the client, or <see langword="null"/> on success.</summary>
    public string? ErrorMessage { get; internal set; }

    /// <summary>Gets the emulator's precise reason for a refusal (never sent to the client), or <see langword="null"/>.</summary>
    public string? RejectionReason { get; internal set; }

    /// <summary>Gets the scripted fault played for this request, or <see langword="null"/>.</summary>
    public EmulatorFaultKind? Fault { get; internal set; }

    /// <summary>Gets the access key id issued by a successful CreateSession, or <see langword="null"/>.</summary>
    public string? IssuedAccessKeyId { get; internal set; }

    /// <summary>
    /// Gets what IAM would see of the CreateSession's certificate under the profile's attribute mapping: source identity, role
    /// session name, principal tags and the attributes dropped; <see langword="null"/> when the request was refused before the
    /// certificate was trusted and the profile found.
    /// </summary>
    public SessionIdentity? SessionIdentity { get; internal set; }

    /// <summary>
    /// Gets the evaluation of the role's trust policy (decision, deciding statement, the condition that held or failed, per
    /// action); <see langword="null"/> when the role has no trust policy or the request was refused before it was evaluated.
    /// </summary>
    public PolicyEvaluation? TrustPolicyEvaluation { get; internal set; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Method} {Path} -> {StatusCode}{(ErrorType is null ? string.Empty : " " + ErrorType)}{(RejectionReason is null ? string.Empty : ": " + RejectionReason)}";
}
