using System.Text.Json.Serialization;

namespace RolesAnywhere.Credentials.Sessions.Wire;

/// <summary>The JSON body of an AWS-style error (<c>message</c>, <c>__type</c> or <c>code</c>); names match case-insensitively.</summary>
internal sealed class ServiceErrorBody
{
    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [JsonPropertyName("__type")]
    public string? Type { get; set; }

    [JsonPropertyName("code")]
    public string? Code { get; set; }
}
