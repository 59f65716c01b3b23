using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using RolesAnywhere.Credentials.Tool.Credentials;
using RolesAnywhere.Credentials.Tool.Json;

namespace RolesAnywhere.Credentials.Tool.Serve;

/// <summary>
/// The IMDSv2 subset SDKs use for credentials: <c>PUT /latest/api/token</c> and
/// <c>GET /latest/meta-data/iam/security-credentials/[role]</c>, with EC2's statuses (400 token request
/// with <c>X-Forwarded-For</c> or a bad TTL, 401 missing/unknown/expired token, 404 unknown path or
/// role, 405 wrong method, 500 when no valid credentials can be had — never empty or expired ones).
/// Paths match with or without a trailing slash.
/// </summary>
internal sealed class ImdsHandler
{
    public const string TokenHeader = "X-aws-ec2-metadata-token";
    public const string TtlHeader = "X-aws-ec2-metadata-token-ttl-seconds";
    private const string TokenPath = "/latest/api/token";
    private const string CredentialsPath = "/latest/meta-data/iam/security-credentials";

    private readonly CredentialKeeper keeper;
    private readonly TokenStore tokens;
    private readonly string roleName;
    private readonly TimeSpan waitForCredentials;

    public ImdsHandler(CredentialKeeper keeper, TokenStore tokens, string roleName, TimeSpan waitForCredentials)
    {
        this.keeper = keeper;
        this.tokens = tokens;
        this.roleName = roleName;
        this.waitForCredentials = waitForCredentials;
    }

    public Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path.Length > 1 && path.EndsWith('/'))
        {
            path = path[..^1];
        }

        if (path == TokenPath)
        {
            return HttpMethods.IsPut(context.Request.Method) ? IssueToken(context) : Status(context, StatusCodes.Status405MethodNotAllowed);
        }

        string? role = null;
        if (path != CredentialsPath)
        {
            if (!path.StartsWith(CredentialsPath + "/", StringComparison.Ordinal))
            {
                return Status(context, StatusCodes.Status404NotFound);
            }

            role = path[(CredentialsPath.Length + 1)..];
        }

        if (!HttpMethods.IsGet(context.Request.Method))
        {
            return Status(context, StatusCodes.Status405MethodNotAllowed);
        }

        if (!tokens.IsValid(context.Request.Headers[TokenHeader]))
        {
            return Status(context, StatusCodes.Status401Unauthorized);
        }

        if (role is null)
        {
            return Text(context, roleName);
        }

        return role == roleName ? WriteCredentialsAsync(context) : Status(context, StatusCodes.Status404NotFound);
    }

    private Task IssueToken(HttpContext context)
    {
        if (context.Request.Headers.ContainsKey("X-Forwarded-For"))
        {
            return Status(context, StatusCodes.Status400BadRequest);
        }

        var ttl = TokenStore.DefaultTtlSeconds;
        var ttlHeader = context.Request.Headers[TtlHeader];
        if (ttlHeader.Count > 0
            && (!int.TryParse(ttlHeader.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out ttl) || ttl < 1 || ttl > TokenStore.MaxTtlSeconds))
        {
            return Status(context, StatusCodes.Status400BadRequest);
        }

        context.Response.Headers[TtlHeader] = ttl.ToString(CultureInfo.InvariantCulture);
        return Text(context, tokens.Issue(ttl));
    }

    private async Task WriteCredentialsAsync(HttpContext context)
    {
        var credentials = await CredentialResponder.GetAsync(keeper, waitForCredentials, context.RequestAborted).ConfigureAwait(false);
        if (credentials is null)
        {
            await CredentialResponder.UnavailableAsync(context).ConfigureAwait(false);
            return;
        }

        var body = new ImdsCredentials
        {
            AccessKeyId = credentials.AccessKeyId,
            SecretAccessKey = credentials.SecretAccessKey,
            Token = credentials.SessionToken,
            Expiration = IsoTime.Write(credentials.Expiration),
            LastUpdated = IsoTime.Write(credentials.Obtained),
        };
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, body, ToolJsonContext.Output.ImdsCredentials, context.RequestAborted).ConfigureAwait(false);
    }

    private static Task Text(HttpContext context, string text)
    {
        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync(text, context.RequestAborted);
    }

    private static Task Status(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
