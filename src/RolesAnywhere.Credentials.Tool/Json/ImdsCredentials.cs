namespace RolesAnywhere.Credentials.Tool.Json;

/// <summary>The body of <c>GET /latest/meta-data/iam/security-credentials/{role}</c>, as EC2 answers it.</summary>
internal sealed class ImdsCredentials
{
    public string Code { get; set; } = "Success";

    public string Type { get; set; } = "AWS-HMAC";

    public string AccessKeyId { get; set; } = string.Empty;

    public string SecretAccessKey { get; set; } = string.Empty;

    public string Token { get; set; } = string.Empty;

    public string Expiration { get; set; } = string.Empty;

    public string LastUpdated { get; set; } = string.Empty;
}
