namespace RolesAnywhere.Credentials.Tool.Json;

/// <summary>The <c>credential_process</c> output the AWS CLI and SDKs parse (Version 1).</summary>
internal sealed class CredentialProcessOutput
{
    public int Version { get; set; } = 1;

    public string AccessKeyId { get; set; } = string.Empty;

    public string SecretAccessKey { get; set; } = string.Empty;

    public string SessionToken { get; set; } = string.Empty;

    public string Expiration { get; set; } = string.Empty;
}
