using System.Text.Json.Serialization;

namespace RolesAnywhere.Credentials.Tool.Json;

/// <summary>The output of <c>inspect --format json</c>.</summary>
internal sealed class InspectOutput
{
    [JsonPropertyName("subject")]
    public string Subject { get; set; } = string.Empty;

    [JsonPropertyName("issuer")]
    public string Issuer { get; set; } = string.Empty;

    [JsonPropertyName("serialNumber")]
    public string SerialNumber { get; set; } = string.Empty;

    [JsonPropertyName("serialNumberHex")]
    public string SerialNumberHex { get; set; } = string.Empty;

    [JsonPropertyName("sourceIdentity")]
    public string? SourceIdentity { get; set; }

    [JsonPropertyName("roleSessionName")]
    public string RoleSessionName { get; set; } = string.Empty;

    [JsonPropertyName("principalTags")]
    public Dictionary<string, string> PrincipalTags { get; set; } = [];

    [JsonPropertyName("droppedTags")]
    public List<DroppedTagOutput> DroppedTags { get; set; } = [];

    [JsonPropertyName("notBefore")]
    public string NotBefore { get; set; } = string.Empty;

    [JsonPropertyName("notAfter")]
    public string NotAfter { get; set; } = string.Empty;

    [JsonPropertyName("chainValid")]
    public bool? ChainValid { get; set; }

    [JsonPropertyName("problems")]
    public List<ProblemOutput> Problems { get; set; } = [];
}
