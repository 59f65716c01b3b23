using System.Globalization;
using Microsoft.AspNetCore.Http;
using RolesAnywhere.Credentials.Testing.Sessions;

namespace RolesAnywhere.Credentials.Testing.Hosting;

/// <summary>Plays one scripted fault. Returns true when the fault answered (or aborted) the request itself.</summary>
internal static class FaultPlayer
{
    public static async Task<bool> PlayAsync(HttpContext context, EmulatorState state, EmulatorFault fault, EmulatorRequest record)
    {
        record.Fault = fault.Kind;
        switch (fault.Kind)
        {
            case EmulatorFaultKind.Delay:
                await Task.Delay(fault.Delay, context.RequestAborted).ConfigureAwait(false);
                return false;
            case EmulatorFaultKind.ConnectionReset:
                record.StatusCode = 0;
                context.Abort();
                return true;
            case EmulatorFaultKind.Throttle:
                if (fault.RetryAfter is { } after)
                {
                    context.Response.Headers.RetryAfter = Math.Ceiling(after.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                }

                await Error(context, record, 429, "ThrottlingException", "Rate exceeded").ConfigureAwait(false);
                return true;
            case EmulatorFaultKind.InternalError:
                await Error(context, record, 500, "InternalServerException", "An internal error occurred.").ConfigureAwait(false);
                return true;
            case EmulatorFaultKind.ServiceUnavailable:
                await Error(context, record, 503, "ServiceUnavailableException", "Service unavailable.").ConfigureAwait(false);
                return true;
            case EmulatorFaultKind.MalformedBody:
                record.StatusCode = 201;
                await AwsResponse.WriteJsonAsync(context, 201, SessionResponse.Truncated()).ConfigureAwait(false);
                return true;
            case EmulatorFaultKind.EmptyCredentialSet:
                record.StatusCode = 201;
                var subject = $"arn:{state.Partition}:rolesanywhere:{state.Region}:{state.AccountId}:subject/{Guid.Empty}";
                await AwsResponse.WriteJsonAsync(context, 201, SessionResponse.EmptySet(subject)).ConfigureAwait(false);
                return true;
            default:
                return false;
        }
    }

    private static Task Error(HttpContext context, EmulatorRequest record, int status, string type, string message)
    {
        record.StatusCode = status;
        record.ErrorType = type;
        record.ErrorMessage = message;
        record.RejectionReason = "Scripted fault";
        return AwsResponse.WriteErrorAsync(context, status, type, message);
    }
}
