using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using RolesAnywhere.Credentials.Testing.Sessions;
using RolesAnywhere.Credentials.Testing.Sts;
using RolesAnywhere.Credentials.Testing.Verification;

namespace RolesAnywhere.Credentials.Testing.Hosting;

/// <summary>The emulator's single request handler: records the request, plays faults, routes to CreateSession or STS.</summary>
internal static class EmulatorEndpoint
{
    public static async Task HandleAsync(HttpContext context, EmulatorState state)
    {
        var request = await ReadAsync(context).ConfigureAwait(false);
        var record = new EmulatorRequest(
            state.Now,
            request.Method,
            request.RawPath,
            context.Request.QueryString.Value ?? string.Empty,
            request.Headers.GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => string.Join(',', g.Select(h => h.Value)), StringComparer.OrdinalIgnoreCase),
            Encoding.UTF8.GetString(request.Body));
        state.Record(record);
        AwsResponse.StartHeaders(context, state);
        try
        {
            if (string.Equals(request.RawPath, "/sessions", StringComparison.Ordinal) && HttpMethods.IsPost(request.Method))
            {
                if (state.TryDequeueFault(out var fault) && await FaultPlayer.PlayAsync(context, state, fault!, record).ConfigureAwait(false))
                {
                    return;
                }

                CheckHost(context, state);
                var (session, body) = CreateSessionHandler.Handle(request, state, record);
                record.StatusCode = 201;
                record.IssuedAccessKeyId = session.AccessKeyId;
                await AwsResponse.WriteJsonAsync(context, 201, body).ConfigureAwait(false);
            }
            else if (HttpMethods.IsPost(request.Method) && StsHandler.IsStsRequest(request))
            {
                record.StatusCode = 200;
                await StsHandler.HandleAsync(context, request, state).ConfigureAwait(false);
            }
            else
            {
                throw new RequestRejectedException(404, "UnknownOperationException", "Unknown operation", $"No route for {request.Method} {request.RawPath}.");
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            record.StatusCode = 0;
            record.RejectionReason = "The client went away before the answer.";
        }
        catch (RequestRejectedException rejection)
        {
            record.StatusCode = rejection.StatusCode;
            record.ErrorType = rejection.ErrorType;
            record.ErrorMessage = rejection.ServiceMessage;
            record.RejectionReason = rejection.Message;
            if (!context.Response.HasStarted)
            {
                await WriteRejectionAsync(context, request, rejection).ConfigureAwait(false);
            }
        }
    }

    private static Task WriteRejectionAsync(HttpContext context, SignedRequest request, RequestRejectedException rejection) =>
        StsHandler.IsStsRequest(request) && !request.RawPath.StartsWith("/sessions", StringComparison.Ordinal)
            ? StsHandler.WriteErrorAsync(context, request, rejection)
            : AwsResponse.WriteErrorAsync(context, rejection.StatusCode, rejection.ErrorType, rejection.ServiceMessage);

    private static void CheckHost(HttpContext context, EmulatorState state)
    {
        var host = context.Request.Host.Value ?? string.Empty;
        if (!state.AcceptedHosts.ContainsKey(host))
        {
            throw RequestRejectedException.BadSignature(
                $"The Host header '{host}' is not this endpoint ({string.Join(", ", state.AcceptedHosts.Keys)}); sign the host actually called.");
        }
    }

    private static async Task<SignedRequest> ReadAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
        var rawTarget = OriginForm(context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/");
        var question = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var rawPath = question < 0 ? rawTarget : rawTarget[..question];
        var rawQuery = question < 0 ? string.Empty : rawTarget[(question + 1)..];
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var header in context.Request.Headers)
        {
            foreach (var value in header.Value)
            {
                headers.Add(new(header.Key, value ?? string.Empty));
            }
        }

        return new SignedRequest(context.Request.Method, rawPath, rawQuery, headers, body.ToArray());
    }

    /// <summary>
    /// The path and query of a request target: a client talking through a forward proxy may send the
    /// absolute form (<c>http://host:port/sessions</c>), which a server must accept (RFC 9112, 3.2.2).
    /// </summary>
    private static string OriginForm(string rawTarget)
    {
        if (!rawTarget.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !rawTarget.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return rawTarget;
        }

        var pathStart = rawTarget.IndexOf('/', rawTarget.IndexOf("//", StringComparison.Ordinal) + 2);
        return pathStart < 0 ? "/" : rawTarget[pathStart..];
    }
}
