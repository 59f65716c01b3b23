using System.Text.Json.Serialization;

namespace RolesAnywhere.Credentials.Renewal.Cfssl;

/// <summary>One entry of CFSSL's <c>errors</c>.</summary>
internal sealed class CfsslMessage
{
    [JsonPropertyName("code")]
    public int Code { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }
}
