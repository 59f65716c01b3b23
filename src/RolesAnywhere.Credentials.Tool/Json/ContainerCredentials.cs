namespace RolesAnywhere.Credentials.Tool.Json;

/// <summary>The body of the ECS-style container credentials endpoint.</summary>
internal sealed class ContainerCredentials
{
    public string AccessKeyId { get; set; } = string.Empty;

    public string SecretAccessKey { get; set; } = string.Empty;

    public string Token { get; set; } = string.Empty;

    public string Expiration { get; set; } = string.Empty;

    public string RoleArn { get; set; } = string.Empty;
}
