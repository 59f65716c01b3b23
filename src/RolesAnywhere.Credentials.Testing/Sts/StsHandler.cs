using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Http;
using RolesAnywhere.Credentials.Testing.Hosting;
using RolesAnywhere.Credentials.Testing.Verification;

namespace RolesAnywhere.Credentials.Testing.Sts;

/// <summary>
/// STS <c>GetCallerIdentity</c> for credentials the emulator issued, in the AWS query protocol the AWS SDK for .NET
/// sends (form body <c>Action=GetCallerIdentity&amp;Version=2011-06-15</c>, XML answer), and in the JSON 1.0
/// protocol (<c>X-Amz-Target: AWSSecurityTokenServiceV20110615.GetCallerIdentity</c>, JSON answer).
/// </summary>
internal static class StsHandler
{
    private const string Namespace = "https://sts.amazonaws.com/doc/2011-06-15/";
    private const string JsonTarget = "AWSSecurityTokenServiceV20110615.GetCallerIdentity";

    public static bool IsStsRequest(SignedRequest request) =>
        request.GetHeader("x-amz-target")?.StartsWith("AWSSecurityTokenServiceV20110615.", StringComparison.Ordinal) == true
        || FormValue(request, "Action") is not null;

    public static async Task HandleAsync(HttpContext context, SignedRequest request, EmulatorState state)
    {
        var json = IsJson(request);
        var action = json ? request.GetHeader("x-amz-target") : FormValue(request, "Action");
        if (action is not ("GetCallerIdentity" or JsonTarget))
        {
            throw new RequestRejectedException(400, "InvalidAction", $"Could not find operation {action} for version 2011-06-15",
                $"Only GetCallerIdentity is emulated, got '{action}'.");
        }

        var session = SigV4HmacVerifier.Verify(request, state, "sts");
        var requestId = context.Response.Headers["x-amzn-RequestId"].ToString();
        byte[] body;
        if (json)
        {
            body = Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(
                new Dictionary<string, string> { ["Account"] = session.AccountId, ["Arn"] = session.AssumedRoleArn, ["UserId"] = session.AssumedRoleId },
                StsJsonContext.Default.DictionaryStringString));
            await AwsResponse.WriteJsonAsync(context, 200, body).ConfigureAwait(false);
            return;
        }

        body = Xml(writer =>
        {
            writer.WriteStartElement("GetCallerIdentityResponse", Namespace);
            writer.WriteStartElement("GetCallerIdentityResult");
            writer.WriteElementString("Arn", session.AssumedRoleArn);
            writer.WriteElementString("UserId", session.AssumedRoleId);
            writer.WriteElementString("Account", session.AccountId);
            writer.WriteEndElement();
            writer.WriteStartElement("ResponseMetadata");
            writer.WriteElementString("RequestId", requestId);
            writer.WriteEndElement();
            writer.WriteEndElement();
        });
        await WriteXmlAsync(context, 200, body).ConfigureAwait(false);
    }

    public static Task WriteErrorAsync(HttpContext context, SignedRequest request, RequestRejectedException rejection)
    {
        if (IsJson(request))
        {
            context.Response.Headers["X-Amzn-ErrorType"] = rejection.ErrorType;
            var json = System.Text.Json.JsonSerializer.Serialize(
                new Dictionary<string, string> { ["__type"] = rejection.ErrorType, ["message"] = rejection.ServiceMessage },
                StsJsonContext.Default.DictionaryStringString);
            return AwsResponse.WriteJsonAsync(context, rejection.StatusCode, Encoding.UTF8.GetBytes(json));
        }

        var requestId = context.Response.Headers["x-amzn-RequestId"].ToString();
        var body = Xml(writer =>
        {
            writer.WriteStartElement("ErrorResponse", Namespace);
            writer.WriteStartElement("Error");
            writer.WriteElementString("Type", rejection.StatusCode >= 500 ? "Receiver" : "Sender");
            writer.WriteElementString("Code", rejection.ErrorType);
            writer.WriteElementString("Message", rejection.ServiceMessage);
            writer.WriteEndElement();
            writer.WriteElementString("RequestId", requestId);
            writer.WriteEndElement();
        });
        return WriteXmlAsync(context, rejection.StatusCode, body);
    }

    private static bool IsJson(SignedRequest request) => request.GetHeader("x-amz-target") is not null;

    private static string? FormValue(SignedRequest request, string name)
    {
        var contentType = request.GetHeader("content-type");
        if (contentType is null || !contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var form = new SignedRequest("POST", "/", Encoding.UTF8.GetString(request.Body).Replace('+', ' '), [], []);
        return form.QueryParameters().FirstOrDefault(p => p.Key == name).Value;
    }

    private static byte[] Xml(Action<XmlWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), OmitXmlDeclaration = true }))
        {
            write(writer);
        }

        return buffer.ToArray();
    }

    private static Task WriteXmlAsync(HttpContext context, int status, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/xml";
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }
}
