using System.Net;
using System.Text.Json;

namespace RolesAnywhere.Credentials.Testing.Tests.Support;

internal static class ResponseAssert
{
    public static async Task<string> ErrorAsync(HttpResponseMessage response, HttpStatusCode status, string errorType, string message)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(status == response.StatusCode, $"Expected {status}, got {response.StatusCode}: {body}");
        Assert.Equal(errorType, Assert.Single(response.Headers.GetValues("X-Amzn-ErrorType")));
        Assert.False(string.IsNullOrEmpty(Assert.Single(response.Headers.GetValues("x-amzn-RequestId"))));
        using var json = JsonDocument.Parse(body);
        var actual = json.RootElement.GetProperty("message").GetString();
        Assert.True(actual!.Contains(message, StringComparison.Ordinal), $"Message '{actual}' lacks '{message}'.");
        return actual;
    }

    public static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201, got {response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.Clone();
    }
}
