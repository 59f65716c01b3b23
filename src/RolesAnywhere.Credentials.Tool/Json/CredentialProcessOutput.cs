using System.Text.Json.Serialization;

namespace RolesAnywhere.Credentials.Tool.Json;

/// <summary>
/// The <c>credential_process</c> output the AWS CLI and SDKs parse (Version 1). Read back (a cache entry), every
/// member is required: a missing <c>Version</c> must not default to 1 (found by fuzzing the cache).
/// </summary>
internal sealed class CredentialProcessOutput
{
    [JsonRequired]
    public int Version { get; set; } = 1;

    [JsonRequired]
    public string AccessKeyId { get; set; } = string.Empty;

    [JsonRequired]
    public string SecretAccessKey { get; set; } = string.Empty;

    [JsonRequired]
    public string SessionToken { get; set; } = string.Empty;

    [JsonRequired]
    public string Expiration { get; set; } = string.Empty;
}
