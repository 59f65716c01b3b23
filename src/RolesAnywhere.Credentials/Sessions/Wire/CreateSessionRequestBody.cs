using System.Text.Json.Serialization;

namespace RolesAnywhere.Credentials.Sessions.Wire;

/// <summary>The JSON body of <c>POST /sessions</c>.</summary>
internal sealed class CreateSessionRequestBody
{
    [JsonPropertyName("durationSeconds")]
    public int DurationSeconds { get; init; }

    [JsonPropertyName("profileArn")]
    public required string ProfileArn { get; init; }

    [JsonPropertyName("roleArn")]
    public required string RoleArn { get; init; }

    [JsonPropertyName("trustAnchorArn")]
    public required string TrustAnchorArn { get; init; }

    [JsonPropertyName("roleSessionName")]
    public string? RoleSessionName { get; init; }
}
