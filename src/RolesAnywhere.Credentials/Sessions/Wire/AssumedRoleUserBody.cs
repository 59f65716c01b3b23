using System.Text.Json.Serialization;

namespace RolesAnywhere.Credentials.Sessions.Wire;

/// <summary>The <c>assumedRoleUser</c> object of a credential set.</summary>
internal sealed class AssumedRoleUserBody
{
    [JsonPropertyName("arn")]
    public string? Arn { get; set; }

    [JsonPropertyName("assumedRoleId")]
    public string? AssumedRoleId { get; set; }
}
