using System.Globalization;
using System.Security.Authentication;

namespace RolesAnywhere.Credentials.Sessions;

/// <summary>The exceptions for attempts that got no usable answer, and for giving up.</summary>
internal static class AttemptFailures
{
    /// <summary>Returns whether <paramref name="error"/> (from sending) is worth another attempt: a TLS trust failure is not.</summary>
    public static bool IsTransientNetworkFailure(Exception error) =>
        error is HttpRequestException or IOException && !HasInner<AuthenticationException>(error);

    public static RolesAnywhereServiceException Network(Uri endpoint, Exception error)
    {
        // Transport errors can quote what the server sent (an invalid status line, a header): remote text.
        var said = Diagnostics.RemoteText.Clean(error.Message);
        var message = HasInner<AuthenticationException>(error)
            ? $"CreateSession could not open a TLS connection to {endpoint.Authority}: {said} Check that the endpoint's certificate is trusted by this machine (a TLS-inspecting proxy needs its CA in the system store) and that Endpoint names the right host."
            : $"CreateSession could not reach {endpoint.Authority}: {said} Check the network, DNS, firewall and proxy (HTTPS_PROXY, or RolesAnywhereOptions.Proxy).";
        return new RolesAnywhereServiceException(message, statusCode: null, errorType: null, requestId: null, error);
    }

    /// <summary>Returns whether <paramref name="error"/> says the answer was larger than the client accepts.</summary>
    public static bool IsTooLarge(Exception error) => error is HttpRequestException { HttpRequestError: HttpRequestError.ConfigurationLimitExceeded };

    public static RolesAnywhereServiceException TooLarge(Uri endpoint, Exception error) =>
        new(
            string.Create(CultureInfo.InvariantCulture, $"CreateSession's answer from {endpoint.Authority} is too large: more than {SessionHttpClientFactory.MaxResponseBytes / 1024} KiB (MaxResponseBytes), where the service sends a few kilobytes. Check that Endpoint (or the proxy) leads to IAM Roles Anywhere and not to another server."),
            statusCode: null,
            errorType: null,
            requestId: null,
            error);

    public static RolesAnywhereServiceException ExpiresTooSoon(DateTimeOffset expiration, DateTimeOffset now, System.Net.HttpStatusCode? status, string? requestId) =>
        new(
            string.Create(CultureInfo.InvariantCulture, $"CreateSession returned credentials that expire at {expiration:yyyy-MM-ddTHH:mm:ssZ}, only {(expiration - now).TotalSeconds:0} s from now by this machine's clock; check the clock (NTP) and the profile's durationSeconds."),
            status,
            errorType: null,
            requestId);

    public static RolesAnywhereServiceException Timeout(Uri endpoint, TimeSpan httpTimeout, Exception error) =>
        new(
            string.Create(CultureInfo.InvariantCulture, $"CreateSession got no response from {endpoint.Authority} within HttpTimeout ({httpTimeout.TotalSeconds:0.###} s). Check the network and proxy, or raise HttpTimeout."),
            statusCode: null,
            errorType: null,
            requestId: null,
            error);

    public static RolesAnywhereServiceException BudgetExceeded(TimeSpan refreshTimeout, int attempts, RolesAnywhereServiceException? last, Exception? cause)
    {
        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"CreateSession did not complete within RefreshTimeout ({refreshTimeout.TotalSeconds:0.###} s) after {attempts} attempt(s), so the refresh was abandoned rather than hang the application.");
        if (last is not null)
        {
            message += " Last error: " + last.Message;
        }

        return new RolesAnywhereServiceException(message, last?.StatusCode, last?.ErrorType, last?.RequestId, (Exception?)last ?? cause);
    }

    public static RolesAnywhereServiceException GaveUp(RolesAnywhereServiceException last, int attempts, string? reason = null) =>
        new(
            string.Create(CultureInfo.InvariantCulture, $"{last.Message} Gave up after {attempts} attempt(s){reason}."),
            last.StatusCode,
            last.ErrorType,
            last.RequestId,
            last);

    private static bool HasInner<T>(Exception error)
        where T : Exception
    {
        for (var current = error; current is not null; current = current.InnerException)
        {
            if (current is T)
            {
                return true;
            }
        }

        return false;
    }
}
