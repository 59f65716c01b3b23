using System.Text.Json.Serialization;

namespace RolesAnywhere.Credentials.Sessions.Wire;

/// <summary>The <c>credentials</c> object of a credential set.</summary>
internal sealed class CredentialsBody
{
    [JsonPropertyName("accessKeyId")]
    public string? AccessKeyId { get; set; }

    [JsonPropertyName("secretAccessKey")]
    public string? SecretAccessKey { get; set; }

    [JsonPropertyName("sessionToken")]
    public string? SessionToken { get; set; }

    /// <summary>Gets or sets the expiration as sent (ISO-8601 UTC), parsed separately for a precise error.</summary>
    [JsonPropertyName("expiration")]
    public string? Expiration { get; set; }
}
