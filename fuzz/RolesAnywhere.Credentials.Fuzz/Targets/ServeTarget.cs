using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using RolesAnywhere.Credentials.Tool.Credentials;
using RolesAnywhere.Credentials.Tool.Serve;

namespace RolesAnywhere.Credentials.Fuzz.Targets;

/// <summary>
/// <c>serve</c>'s request handling in process (host guard, IMDS and container handlers, no sockets). An input is
/// a request as text: <c>I|C METHOD PATH</c> (IMDS or container endpoint), then <c>Name: value</c> header lines;
/// <c>$TOKEN</c> and <c>$CTOKEN</c> stand for the valid IMDS and container tokens. Besides "no exception", the
/// harness checks that the secret key only leaves in answer to a GET that carried the right token.
/// </summary>
internal static class ServeTarget
{
    public static readonly FuzzTarget Target = new("serve", "HostGuard + ImdsHandler / ContainerHandler", Run);

    private const int Port = 9911;
    private const string ContainerToken = "fuzz-container-token-0123456789";
    private const string RoleName = "FuzzRole";

    private static readonly int[] Statuses = [200, 400, 401, 403, 404, 405];

    private static readonly Lazy<Server> Instance = new(() =>
    {
        var keeper = new CredentialKeeper(new FixedCredentialSource(), TimeProvider.System);
        keeper.RefreshAsync(CancellationToken.None).GetAwaiter().GetResult();
        var tokens = new TokenStore(TimeProvider.System);
        var token = tokens.Issue(TokenStore.MaxTtlSeconds);
        var imds = new ImdsHandler(keeper, tokens, RoleName, TimeSpan.FromSeconds(1));
        var container = new ContainerHandler(keeper, ContainerToken, "arn:aws:iam::111122223333:role/" + RoleName, TimeSpan.FromSeconds(1));
        return new Server(
            HostGuard.ForImds.Protect(imds.HandleAsync),
            HostGuard.ForContainer(IPAddress.Loopback).Protect(container.HandleAsync),
            token);
    });

    private static void Run(byte[] data)
    {
        var server = Instance.Value;
        var lines = Encoding.UTF8.GetString(data).Replace("$CTOKEN", ContainerToken, StringComparison.Ordinal).Replace("$TOKEN", server.ImdsToken, StringComparison.Ordinal).Split('\n');
        var requestLine = lines[0].TrimEnd('\r').Split(' ', 3);
        var toContainer = requestLine[0] == "C";
        var context = new DefaultHttpContext();
        context.Request.Method = requestLine.Length > 1 && requestLine[1].Length > 0 ? requestLine[1] : "GET";
        var target = requestLine.Length > 2 ? requestLine[2] : "/";
        var query = target.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? target : target[..query];
        context.Request.Path = new PathString(path.StartsWith('/') ? path : "/" + path);
        if (query >= 0)
        {
            context.Request.QueryString = new QueryString(target[query..]);
        }

        foreach (var line in lines.Skip(1))
        {
            // Kestrel refuses a header line without a name (400) before any handler runs.
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line[..colon].Trim() is { Length: > 0 } name)
            {
                context.Request.Headers.Append(name, line[(colon + 1)..].Trim().TrimEnd('\r'));
            }
        }

        context.Connection.LocalPort = Port;
        context.Connection.LocalIpAddress = IPAddress.Loopback;
        context.Connection.RemoteIpAddress = IPAddress.Loopback;
        using var body = new MemoryStream();
        context.Response.Body = body;

        (toContainer ? server.Container : server.Imds)(context).GetAwaiter().GetResult();

        var status = context.Response.StatusCode;
        if (!Statuses.Contains(status))
        {
            throw new FuzzFailure($"unexpected status {status}");
        }

        var answer = Encoding.UTF8.GetString(body.ToArray());
        if (status == 403 && answer.Length > 0)
        {
            throw new FuzzFailure("a refused request got a body");
        }

        if (answer.Contains(FixedCredentialSource.SecretAccessKey, StringComparison.Ordinal))
        {
            var authorized = toContainer
                ? context.Request.Headers.Authorization.ToString() == ContainerToken
                : context.Request.Headers[ImdsHandler.TokenHeader].ToString() == server.ImdsToken;
            if (!HttpMethods.IsGet(context.Request.Method) || !authorized)
            {
                throw new FuzzFailure("the secret key was served to a request without the right token");
            }
        }
    }

    private sealed record Server(RequestDelegate Imds, RequestDelegate Container, string ImdsToken);
}
