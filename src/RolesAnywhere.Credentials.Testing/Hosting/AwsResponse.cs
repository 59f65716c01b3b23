using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace RolesAnywhere.Credentials.Testing.Hosting;

/// <summary>Writes answers the way AWS JSON services do: request id, the emulator clock's Date, error type header and JSON message.</summary>
internal static class AwsResponse
{
    public static void StartHeaders(HttpContext context, EmulatorState state)
    {
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        context.Response.Headers.Date = state.Now.ToString("r", CultureInfo.InvariantCulture);
    }

    public static Task WriteJsonAsync(HttpContext context, int status, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    public static Task WriteErrorAsync(HttpContext context, int status, string errorType, string message)
    {
        context.Response.Headers["X-Amzn-ErrorType"] = errorType;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("message", message);
            json.WriteEndObject();
        }

        return WriteJsonAsync(context, status, buffer.ToArray());
    }
}
