using System.Text.Json.Serialization;

namespace RolesAnywhere.Credentials.Sessions.Wire;

/// <summary>One element of <c>credentialSet</c>.</summary>
internal sealed class CredentialSetEntry
{
    [JsonPropertyName("assumedRoleUser")]
    public AssumedRoleUserBody? AssumedRoleUser { get; set; }

    [JsonPropertyName("credentials")]
    public CredentialsBody? Credentials { get; set; }

    [JsonPropertyName("roleArn")]
    public string? RoleArn { get; set; }

    [JsonPropertyName("sourceIdentity")]
    public string? SourceIdentity { get; set; }
}
