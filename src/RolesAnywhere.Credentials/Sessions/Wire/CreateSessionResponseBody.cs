using System.Text.Json.Serialization;

namespace RolesAnywhere.Credentials.Sessions.Wire;

/// <summary>The JSON body of a successful (201) CreateSession response.</summary>
internal sealed class CreateSessionResponseBody
{
    [JsonPropertyName("credentialSet")]
    public List<CredentialSetEntry>? CredentialSet { get; set; }

    [JsonPropertyName("subjectArn")]
    public string? SubjectArn { get; set; }
}
