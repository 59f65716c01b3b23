using System.Text.Json;

namespace RolesAnywhere.Credentials.Testing.Tests.Support;

/// <summary>The parts of a CreateSession 201 body the STS tests need.</summary>
internal sealed record IssuedCredentials(string AccessKeyId, string Secret, string Token, string AssumedRoleArn, string AssumedRoleId)
{
    public static async Task<IssuedCredentials> CreateSessionAsync(HttpClient http, SessionRequest request)
    {
        using var message = request.Build();
        using var response = await http.SendAsync(message, TestContext.Current.CancellationToken);
        return From(await ResponseAssert.CreatedAsync(response));
    }

    public static IssuedCredentials From(JsonElement body)
    {
        var entry = body.GetProperty("credentialSet")[0];
        var credentials = entry.GetProperty("credentials");
        return new IssuedCredentials(
            credentials.GetProperty("accessKeyId").GetString()!,
            credentials.GetProperty("secretAccessKey").GetString()!,
            credentials.GetProperty("sessionToken").GetString()!,
            entry.GetProperty("assumedRoleUser").GetProperty("arn").GetString()!,
            entry.GetProperty("assumedRoleUser").GetProperty("assumedRoleId").GetString()!);
    }
}
