namespace RolesAnywhere.Credentials.Authorization.Certificates;

/// <summary>
/// Certificate signature algorithms by OID, and whether the service accepts them: "signing algorithm must include SHA256 or
/// stronger; MD5 and SHA1 signing algorithms are rejected"
/// (https://docs.aws.amazon.com/rolesanywhere/latest/userguide/trust-model.html (certificate requirements under "Signature verification")).
/// </summary>
internal static class SignatureAlgorithms
{
    private static readonly Dictionary<string, (string Name, bool Accepted)> Known = new(StringComparer.Ordinal)
    {
        ["1.2.840.113549.1.1.4"] = ("md5WithRSAEncryption", false),
        ["1.2.840.113549.1.1.5"] = ("sha1WithRSAEncryption", false),
        ["1.2.840.10045.4.1"] = ("ecdsa-with-SHA1", false),
        ["1.2.840.10040.4.3"] = ("dsa-with-SHA1", false),
        ["1.2.840.113549.1.1.11"] = ("sha256WithRSAEncryption", true),
        ["1.2.840.113549.1.1.12"] = ("sha384WithRSAEncryption", true),
        ["1.2.840.113549.1.1.13"] = ("sha512WithRSAEncryption", true),
        ["1.2.840.10045.4.3.2"] = ("ecdsa-with-SHA256", true),
        ["1.2.840.10045.4.3.3"] = ("ecdsa-with-SHA384", true),
        ["1.2.840.10045.4.3.4"] = ("ecdsa-with-SHA512", true),
        ["2.16.840.1.101.3.4.3.17"] = ("ML-DSA-44", true),
        ["2.16.840.1.101.3.4.3.18"] = ("ML-DSA-65", true),
        ["2.16.840.1.101.3.4.3.19"] = ("ML-DSA-87", true),
    };

    /// <summary>The algorithm's name and whether it is accepted; <see langword="null"/> acceptance when the hash cannot be told (RSASSA-PSS, unknown OIDs).</summary>
    public static (string Name, bool? Accepted) Describe(string? oid, string? friendlyName) =>
        oid is not null && Known.TryGetValue(oid, out var known) ? (known.Name, known.Accepted) : (friendlyName ?? oid ?? "unknown", null);
}
