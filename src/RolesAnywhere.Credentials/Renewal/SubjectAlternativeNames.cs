using System.Formats.Asn1;
using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace RolesAnywhere.Credentials.Renewal;

/// <summary>
/// The subject alternative names of a certificate as comparable text (<c>DNS:</c>, <c>IP:</c>, <c>URI:</c>,
/// <c>email:</c>, <c>dirName:</c>, and the other kinds as hex DER), to report what a CA added or dropped.
/// </summary>
internal static class SubjectAlternativeNames
{
    public const string Oid = "2.5.29.17";

    /// <summary>Returns the certificate's SAN extension, or <see langword="null"/>.</summary>
    public static X509Extension? Extension(X509Certificate2 certificate) => certificate.Extensions[Oid];

    /// <summary>Returns the names of <paramref name="certificate"/>, in order; empty without the extension.</summary>
    public static IReadOnlyList<string> Of(X509Certificate2 certificate) =>
        Extension(certificate) is { } extension ? Read(extension.RawData) : [];

    /// <summary>Reads a DER GeneralNames sequence.</summary>
    public static IReadOnlyList<string> Read(ReadOnlyMemory<byte> der)
    {
        var names = new List<string>();
        try
        {
            var sequence = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
            while (sequence.HasData)
            {
                var tag = sequence.PeekTag();
                names.Add(tag.TagClass != TagClass.ContextSpecific ? "other:" + Convert.ToHexString(sequence.ReadEncodedValue().Span) : tag.TagValue switch
                {
                    1 => "email:" + sequence.ReadCharacterString(UniversalTagNumber.IA5String, new Asn1Tag(TagClass.ContextSpecific, 1)),
                    2 => "DNS:" + sequence.ReadCharacterString(UniversalTagNumber.IA5String, new Asn1Tag(TagClass.ContextSpecific, 2)),
                    4 => "dirName:" + new X500DistinguishedName(sequence.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 4, isConstructed: true)).ReadEncodedValue().Span).Name,
                    6 => "URI:" + sequence.ReadCharacterString(UniversalTagNumber.IA5String, new Asn1Tag(TagClass.ContextSpecific, 6)),
                    7 => "IP:" + new IPAddress(sequence.ReadOctetString(new Asn1Tag(TagClass.ContextSpecific, 7))).ToString(),
                    _ => string.Create(CultureInfo.InvariantCulture, $"other[{tag.TagValue}]:") + Convert.ToHexString(sequence.ReadEncodedValue().Span),
                });
            }
        }
        catch (AsnContentException)
        {
            names.Add("unreadable:" + Convert.ToHexString(der.Span));
        }

        return names;
    }
}
