namespace RolesAnywhere.Credentials.Authorization.Identity;

/// <summary>
/// The certificate fields an attribute mapping can name, and the prefixes of the principal tags they produce.
/// Source: AttributeMapping API reference, https://docs.aws.amazon.com/rolesanywhere/latest/APIReference/API_AttributeMapping.html
/// ("Valid Values: x509Subject | x509Issuer | x509SAN").
/// </summary>
internal static class CertificateFields
{
    public const string Subject = "x509Subject";
    public const string Issuer = "x509Issuer";
    public const string SubjectAlternativeName = "x509SAN";

    public static readonly string[] All = [Subject, Issuer, SubjectAlternativeName];

    public static bool IsKnown(string field) => Array.IndexOf(All, field) >= 0;
}
