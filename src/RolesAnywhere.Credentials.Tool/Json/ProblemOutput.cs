using System.Text.Json.Serialization;

namespace RolesAnywhere.Credentials.Tool.Json;

/// <summary>A certificate problem in <c>inspect</c> output.</summary>
internal sealed class ProblemOutput
{
    [JsonPropertyName("severity")]
    public string Severity { get; set; } = string.Empty;

    [JsonPropertyName("message")]
    public string Message { get; set; } = string.Empty;

    [JsonPropertyName("fix")]
    public string? Fix { get; set; }
}
