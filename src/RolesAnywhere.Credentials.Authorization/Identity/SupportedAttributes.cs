namespace RolesAnywhere.Credentials.Authorization.Identity;

/// <summary>
/// The relative distinguished names (RDNs) IAM Roles Anywhere turns into principal tags, and the SAN types.
/// </summary>
/// <remarks>
/// RDNs: the documentation names C, O, OU, ST, L and CN as the attributes that follow <c>x509Subject/</c> and
/// <c>x509Issuer/</c> (https://docs.aws.amazon.com/rolesanywhere/latest/userguide/workload-identities.html) and the
/// default mapping maps "all supported RDNs" (https://docs.aws.amazon.com/rolesanywhere/latest/userguide/attribute-mapping.html).
/// Any other RDN (emailAddress, DC, serialNumber, UID, …) is not documented as supported: it is reported as dropped,
/// never assumed to become a tag.
/// SAN: the first DNS name (<c>x509SAN/DNS</c>), the first URI (<c>x509SAN/URI</c>) and the RDNs of the first directory
/// name (<c>x509SAN/Name/…</c>); other SAN types (e-mail, IP address, other names) are not mapped
/// (https://docs.aws.amazon.com/rolesanywhere/latest/userguide/attribute-mapping.html, "Default mapping behavior").
/// </remarks>
internal static class SupportedAttributes
{
    /// <summary>Supported RDNs: attribute OID → the short name used in the tag key and in specifiers.</summary>
    public static readonly IReadOnlyDictionary<string, string> RdnByOid = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["2.5.4.6"] = "C",
        ["2.5.4.10"] = "O",
        ["2.5.4.11"] = "OU",
        ["2.5.4.8"] = "ST",
        ["2.5.4.7"] = "L",
        ["2.5.4.3"] = "CN",
    };

    /// <summary>Well-known names of RDNs that are <em>not</em> mapped, to name them in reports.</summary>
    public static readonly IReadOnlyDictionary<string, string> UnsupportedRdnNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["1.2.840.113549.1.9.1"] = "emailAddress",
        ["0.9.2342.19200300.100.1.25"] = "DC",
        ["0.9.2342.19200300.100.1.1"] = "UID",
        ["2.5.4.5"] = "serialNumber",
        ["2.5.4.9"] = "street",
        ["2.5.4.12"] = "title",
        ["2.5.4.4"] = "SN",
        ["2.5.4.42"] = "GN",
        ["2.5.4.17"] = "postalCode",
        ["2.5.4.97"] = "organizationIdentifier",
    };

    public const string Dns = "DNS";
    public const string Uri = "URI";
    public const string DirectoryName = "Name";

    public static bool IsSupportedRdn(string shortName) => RdnByOid.Values.Contains(shortName, StringComparer.Ordinal);

    public static string NameOf(string oid) =>
        RdnByOid.TryGetValue(oid, out var name) ? name : UnsupportedRdnNames.TryGetValue(oid, out var other) ? other : oid;
}
