using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace RolesAnywhere.Credentials.Testing.Sessions;

/// <summary>Makes realistic-looking temporary credentials (ASIA… key ids, 40-character secrets, long session tokens).</summary>
internal static class SessionIssuer
{
    private const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string SecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    public static IssuedSession Issue(Arn role, string sessionName, DateTimeOffset expiration)
    {
        var assumedRoleArn = $"arn:{role.Partition}:sts::{role.Account}:assumed-role/{role.Name}/{sessionName}";
        return new IssuedSession(
            AccessKeyId: "ASIA" + RandomText(Base32, 16),
            SecretAccessKey: RandomText(SecretAlphabet, 40),
            SessionToken: "IQoJb3JpZ2luX2VjE" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(384)),
            Expiration: expiration,
            AssumedRoleArn: assumedRoleArn,
            AssumedRoleId: RoleId(role) + ":" + sessionName,
            AccountId: role.Account);
    }

    /// <summary>A stable <c>subject/…</c> id derived from the certificate subject.</summary>
    public static string SubjectId(X509Certificate2 leaf)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(leaf.Subject));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }

    /// <summary>The source identity of a certificate whose subject has no CN (the session identity has none): its simple name.</summary>
    public static string SourceIdentity(X509Certificate2 leaf) =>
        "CN=" + leaf.GetNameInfo(X509NameType.SimpleName, forIssuer: false);

    private static string RoleId(Arn role)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(role.ToString()));
        var builder = new StringBuilder("AROA", 21);
        for (var i = 0; i < 17; i++)
        {
            builder.Append(Base32[hash[i] % Base32.Length]);
        }

        return builder.ToString();
    }

    private static string RandomText(string alphabet, int length) =>
        string.Create(length, alphabet, static (span, chars) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = chars[RandomNumberGenerator.GetInt32(chars.Length)];
            }
        });

    public static string Iso8601(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
