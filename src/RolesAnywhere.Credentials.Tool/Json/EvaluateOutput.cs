using System.Text.Json.Serialization;

namespace RolesAnywhere.Credentials.Tool.Json;

/// <summary>The output of <c>policy evaluate --format json</c>.</summary>
internal sealed class EvaluateOutput
{
    [JsonPropertyName("decision")]
    public string Decision { get; set; } = string.Empty;

    [JsonPropertyName("allowed")]
    public bool Allowed { get; set; }

    [JsonPropertyName("statement")]
    public string? Statement { get; set; }

    [JsonPropertyName("explanation")]
    public string Explanation { get; set; } = string.Empty;

    [JsonPropertyName("actions")]
    public List<ActionOutput> Actions { get; set; } = [];

    [JsonPropertyName("unsupported")]
    public List<string> Unsupported { get; set; } = [];

    [JsonPropertyName("principalTags")]
    public Dictionary<string, string> PrincipalTags { get; set; } = [];
}
