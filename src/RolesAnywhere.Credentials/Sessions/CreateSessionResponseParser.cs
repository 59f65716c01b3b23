using System.Globalization;
using System.Net;
using System.Text.Json;
using RolesAnywhere.Credentials.Endpoints;
using RolesAnywhere.Credentials.Sessions.Wire;

namespace RolesAnywhere.Credentials.Sessions;

/// <summary>Turns a successful CreateSession response body into <see cref="SessionCredentials"/>.</summary>
internal static class CreateSessionResponseParser
{
    /// <param name="body">The response body.</param>
    /// <param name="status">The response's status code.</param>
    /// <param name="requestId">The response's request id, if any.</param>
    /// <param name="received">When the response was received, by this machine's clock.</param>
    /// <exception cref="RolesAnywhereServiceException">The body is not the JSON the service sends, or holds no usable credentials.</exception>
    public static SessionCredentials Parse(ReadOnlySpan<byte> body, HttpStatusCode status, string? requestId, DateTimeOffset received)
    {
        CreateSessionResponseBody? response;
        try
        {
            response = JsonSerializer.Deserialize(body, SessionJsonContext.Default.CreateSessionResponseBody);
        }
        catch (JsonException ex)
        {
            throw Malformed($"the body is not valid JSON ({ex.Message})", status, requestId, ex);
        }

        if (response?.CredentialSet is not { Count: > 0 } set)
        {
            throw Malformed("its credentialSet is missing or empty", status, requestId, null);
        }

        var entry = set[0];
        var credentials = entry?.Credentials;
        if (credentials is null
            || string.IsNullOrEmpty(credentials.AccessKeyId)
            || string.IsNullOrEmpty(credentials.SecretAccessKey)
            || string.IsNullOrEmpty(credentials.SessionToken))
        {
            throw Malformed("credentialSet[0].credentials lacks accessKeyId, secretAccessKey or sessionToken", status, requestId, null);
        }

        if (string.IsNullOrEmpty(credentials.Expiration)
            || !DateTimeOffset.TryParse(credentials.Expiration, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var expiration))
        {
            throw Malformed($"credentialSet[0].credentials.expiration '{Diagnostics.RemoteText.Clean(credentials.Expiration)}' is not an ISO-8601 time", status, requestId, null);
        }

        var assumedRoleArn = entry!.AssumedRoleUser?.Arn;
        var accountId = AccountOf(assumedRoleArn) ?? AccountOf(entry.RoleArn);
        return new SessionCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken, expiration, received, accountId, assumedRoleArn, response.SubjectArn);
    }

    private static string? AccountOf(string? arn)
    {
        var parsed = Arn.TryParse(arn);
        return parsed is null || parsed.AccountId.Length == 0 ? null : parsed.AccountId;
    }

    private static RolesAnywhereServiceException Malformed(string problem, HttpStatusCode status, string? requestId, Exception? inner) =>
        new(
            string.Create(CultureInfo.InvariantCulture, $"CreateSession answered HTTP {(int)status} but the response is unusable: {problem}. A proxy or gateway between you and the service may have altered it{RequestIdSuffix(requestId)}."),
            status,
            errorType: null,
            requestId,
            inner);

    private static string RequestIdSuffix(string? requestId) => requestId is null ? string.Empty : $" (request id {requestId})";
}
