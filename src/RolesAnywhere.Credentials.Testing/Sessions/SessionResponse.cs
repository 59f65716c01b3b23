using System.Text.Json;

namespace RolesAnywhere.Credentials.Testing.Sessions;

/// <summary>Writes the CreateSession 201 body in the service's shape.</summary>
internal static class SessionResponse
{
    public static byte[] Write(IssuedSession session, string roleArn, string sourceIdentity, string subjectArn)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("credentialSet");
            json.WriteStartObject();
            json.WriteStartObject("assumedRoleUser");
            json.WriteString("arn", session.AssumedRoleArn);
            json.WriteString("assumedRoleId", session.AssumedRoleId);
            json.WriteEndObject();
            json.WriteStartObject("credentials");
            json.WriteString("accessKeyId", session.AccessKeyId);
            json.WriteString("expiration", SessionIssuer.Iso8601(session.Expiration));
            json.WriteString("secretAccessKey", session.SecretAccessKey);
            json.WriteString("sessionToken", session.SessionToken);
            json.WriteEndObject();
            json.WriteNumber("packedPolicySize", 0);
            json.WriteString("roleArn", roleArn);
            json.WriteString("sourceIdentity", sourceIdentity);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteString("subjectArn", subjectArn);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static byte[] EmptySet(string subjectArn) =>
        System.Text.Encoding.UTF8.GetBytes($"{{\"credentialSet\":[],\"subjectArn\":\"{subjectArn}\"}}");

    public static byte[] Truncated() =>
        System.Text.Encoding.UTF8.GetBytes("{\"credentialSet\":[{\"assumedRoleUser\":{\"arn\":\"arn:aws:sts::");
}
