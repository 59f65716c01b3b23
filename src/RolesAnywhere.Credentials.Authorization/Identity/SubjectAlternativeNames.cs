using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RolesAnywhere.Credentials.Authorization.Identity;

/// <summary>The names of a certificate's subjectAltName extension (RFC 5280, 4.2.1.6), in the order the extension lists them.</summary>
internal sealed class SubjectAlternativeNames
{
    private const string ExtensionOid = "2.5.29.17";

    public List<string> DnsNames { get; } = [];

    public List<string> Uris { get; } = [];

    public List<X500DistinguishedName> DirectoryNames { get; } = [];

    /// <summary>Names of the other types (e-mail, IP address, other name, registered id), described for reports.</summary>
    public List<string> Others { get; } = [];

    public static SubjectAlternativeNames Read(X509Certificate2 certificate)
    {
        var names = new SubjectAlternativeNames();
        var extension = certificate.Extensions[ExtensionOid];
        if (extension is null)
        {
            return names;
        }

        try
        {
            var reader = new AsnReader(extension.RawData, AsnEncodingRules.DER);
            var sequence = reader.ReadSequence();
            while (sequence.HasData)
            {
                var tag = sequence.PeekTag();
                if (tag.TagClass != TagClass.ContextSpecific)
                {
                    sequence.ReadEncodedValue();
                    continue;
                }

                switch (tag.TagValue)
                {
                    case 2:
                        names.DnsNames.Add(sequence.ReadCharacterString(UniversalTagNumber.IA5String, tag));
                        break;
                    case 6:
                        names.Uris.Add(sequence.ReadCharacterString(UniversalTagNumber.IA5String, tag));
                        break;
                    case 4:
                        var inner = sequence.ReadSequence(tag);
                        names.DirectoryNames.Add(new X500DistinguishedName(inner.ReadEncodedValue().Span));
                        break;
                    case 1:
                        names.Others.Add("email:" + sequence.ReadCharacterString(UniversalTagNumber.IA5String, tag));
                        break;
                    case 7:
                        names.Others.Add("IP:" + new System.Net.IPAddress(sequence.ReadOctetString(tag)));
                        break;
                    default:
                        sequence.ReadEncodedValue();
                        names.Others.Add($"[{tag.TagValue}] name");
                        break;
                }
            }
        }
        catch (Exception e) when (e is AsnContentException or CryptographicException or ArgumentException)
        {
            names.Others.Add("unreadable subjectAltName extension: " + e.Message);
        }

        return names;
    }
}
