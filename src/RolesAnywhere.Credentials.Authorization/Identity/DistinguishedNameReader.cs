using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RolesAnywhere.Credentials.Authorization.Identity;

/// <summary>Reads the attributes of a distinguished name in encoding order (the order the certificate holds them).</summary>
internal static class DistinguishedNameReader
{
    public static IReadOnlyList<NameAttribute> Read(X500DistinguishedName name)
    {
        var attributes = new List<NameAttribute>();
        foreach (var rdn in name.EnumerateRelativeDistinguishedNames(reversed: false))
        {
            if (rdn.HasMultipleElements)
            {
                attributes.Add(new NameAttribute(string.Empty, "multi-valued RDN", rdn.RawData.Length > 0 ? Convert.ToHexString(rdn.RawData.Span) : null, MultiValued: true));
                continue;
            }

            var oid = rdn.GetSingleElementType().Value ?? string.Empty;
            string? value;
            try
            {
                value = rdn.GetSingleElementValue();
            }
            catch (CryptographicException)
            {
                value = null;
            }

            attributes.Add(new NameAttribute(oid, SupportedAttributes.NameOf(oid), value, MultiValued: false));
        }

        return attributes;
    }
}
