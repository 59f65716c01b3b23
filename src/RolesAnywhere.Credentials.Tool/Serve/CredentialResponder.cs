using Microsoft.AspNetCore.Http;
using RolesAnywhere.Credentials.Tool.Credentials;
using RolesAnywhere.Credentials.Sessions;

namespace RolesAnywhere.Credentials.Tool.Serve;

/// <summary>What both endpoints do to get credentials for a request, and how they say there are none.</summary>
internal static class CredentialResponder
{
    /// <summary>Valid credentials, waiting up to <paramref name="wait"/> for a refresh when none are held; <see langword="null"/> if none come.</summary>
    public static async Task<SessionCredentials?> GetAsync(CredentialKeeper keeper, TimeSpan wait, CancellationToken cancellationToken)
    {
        if (keeper.Current is { } current)
        {
            return current;
        }

        try
        {
            return await keeper.GetAsync(cancellationToken).WaitAsync(wait, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    /// <summary>500 with a short text: never empty or expired credentials.</summary>
    public static Task UnavailableAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync("No valid credentials are available: the last refresh failed (see the rolesanywhere log).", context.RequestAborted);
    }
}
