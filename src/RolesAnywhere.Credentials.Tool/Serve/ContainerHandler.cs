using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using RolesAnywhere.Credentials.Tool.Credentials;
using RolesAnywhere.Credentials.Tool.Json;

namespace RolesAnywhere.Credentials.Tool.Serve;

/// <summary>
/// The ECS-style container credentials endpoint (<c>AWS_CONTAINER_CREDENTIALS_FULL_URI</c>): <c>GET
/// /credentials</c> with the <c>Authorization</c> header equal to the configured token
/// (<c>AWS_CONTAINER_AUTHORIZATION_TOKEN</c> on the client side), compared in constant time. The token
/// is always required, which is what makes binding beyond loopback acceptable.
/// </summary>
internal sealed class ContainerHandler
{
    public const string CredentialsPath = "/credentials";

    private readonly CredentialKeeper keeper;
    private readonly byte[] token;
    private readonly string roleArn;
    private readonly TimeSpan waitForCredentials;

    public ContainerHandler(CredentialKeeper keeper, string token, string roleArn, TimeSpan waitForCredentials)
    {
        this.keeper = keeper;
        this.token = Encoding.UTF8.GetBytes(token);
        this.roleArn = roleArn;
        this.waitForCredentials = waitForCredentials;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path.TrimEnd('/') != CredentialsPath)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        var given = Encoding.UTF8.GetBytes(context.Request.Headers.Authorization.ToString());
        if (!CryptographicOperations.FixedTimeEquals(given, token))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var credentials = await CredentialResponder.GetAsync(keeper, waitForCredentials, context.RequestAborted).ConfigureAwait(false);
        if (credentials is null)
        {
            await CredentialResponder.UnavailableAsync(context).ConfigureAwait(false);
            return;
        }

        var body = new ContainerCredentials
        {
            AccessKeyId = credentials.AccessKeyId,
            SecretAccessKey = credentials.SecretAccessKey,
            Token = credentials.SessionToken,
            Expiration = IsoTime.Write(credentials.Expiration),
            RoleArn = roleArn,
        };
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, body, ToolJsonContext.Output.ContainerCredentials, context.RequestAborted).ConfigureAwait(false);
    }
}
