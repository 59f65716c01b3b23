using System.Text.Json.Serialization;

namespace RolesAnywhere.Credentials.Renewal.Cfssl;

/// <summary>CFSSL's response envelope: <c>success</c>, <c>result.certificate</c> and <c>errors[].code/message</c>.</summary>
internal sealed class CfsslResponse
{
    [JsonPropertyName("success")]
    public bool Success { get; set; }

    [JsonPropertyName("result")]
    public CfsslSignResult? Result { get; set; }

    [JsonPropertyName("errors")]
    public List<CfsslMessage>? Errors { get; set; }
}
