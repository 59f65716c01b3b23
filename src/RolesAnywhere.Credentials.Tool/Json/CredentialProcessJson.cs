using System.Text.Json;
using RolesAnywhere.Credentials.Tool.Credentials;
using RolesAnywhere.Credentials.Sessions;

namespace RolesAnywhere.Credentials.Tool.Json;

/// <summary>Writes credentials as <c>credential_process</c> JSON (UTF-8, one line).</summary>
internal static class CredentialProcessJson
{
    public static byte[] Serialize(SessionCredentials credentials) =>
        JsonSerializer.SerializeToUtf8Bytes(
            new CredentialProcessOutput
            {
                AccessKeyId = credentials.AccessKeyId,
                SecretAccessKey = credentials.SecretAccessKey,
                SessionToken = credentials.SessionToken,
                Expiration = IsoTime.Write(credentials.Expiration),
            },
            ToolJsonContext.Output.CredentialProcessOutput);
}
