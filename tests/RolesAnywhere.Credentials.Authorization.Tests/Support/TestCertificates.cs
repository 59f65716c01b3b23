using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RolesAnywhere.Credentials.Authorization.Tests.Support;

/// <summary>Certificates built with the BCL's CertificateRequest, with exactly the names and extensions a test needs.</summary>
internal static class TestCertificates
{
    public static readonly DateTimeOffset Now = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    /// <summary>One P-256 key for every certificate of a test run (generating keys is the slow part).</summary>
    public static readonly ECDsa Key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public static X509Certificate2 Root(string subject = "CN=Test Root", ECDsa? key = null)
    {
        var request = new CertificateRequest(subject, key ?? Key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(Now.AddYears(-1), Now.AddYears(5));
    }

    public static X509Certificate2 Issue(
        X509Certificate2 issuer,
        string subject,
        Action<CertificateRequest>? extensions = null,
        byte[]? serial = null,
        DateTimeOffset? notBefore = null,
        DateTimeOffset? notAfter = null,
        bool endEntityExtensions = true,
        HashAlgorithmName? hash = null,
        RSA? rsaKey = null) =>
        Issue(issuer, new X500DistinguishedName(subject), extensions, serial, notBefore, notAfter, endEntityExtensions, hash, rsaKey);

    public static X509Certificate2 Issue(
        X509Certificate2 issuer,
        X500DistinguishedName subject,
        Action<CertificateRequest>? extensions = null,
        byte[]? serial = null,
        DateTimeOffset? notBefore = null,
        DateTimeOffset? notAfter = null,
        bool endEntityExtensions = true,
        HashAlgorithmName? hash = null,
        RSA? rsaKey = null)
    {
        CertificateRequest request = rsaKey is null
            ? new CertificateRequest(subject, Key, hash ?? HashAlgorithmName.SHA256)
            : new CertificateRequest(subject, rsaKey, hash ?? HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        if (endEntityExtensions)
        {
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        }

        extensions?.Invoke(request);
        var generator = X509SignatureGenerator.CreateForECDsa(Key);
        using var signed = request.Create(issuer.SubjectName, generator, notBefore ?? Now.AddDays(-1), notAfter ?? Now.AddDays(90), serial ?? RandomSerial());
        return X509CertificateLoader.LoadCertificate(signed.RawData);
    }

    public static X509Certificate2 Intermediate(X509Certificate2 issuer, string subject)
    {
        var request = new CertificateRequest(subject, Key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var signed = request.Create(issuer.SubjectName, X509SignatureGenerator.CreateForECDsa(Key), Now.AddYears(-1), Now.AddYears(3), RandomSerial());
        return X509CertificateLoader.LoadCertificate(signed.RawData);
    }

    /// <summary>A subjectAltName with DNS names, URIs, directory names and e-mail addresses in the order given.</summary>
    public static X509Extension SubjectAlternativeNames(params (int Tag, string Value)[] names)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            foreach (var (tag, value) in names)
            {
                var context = new Asn1Tag(TagClass.ContextSpecific, tag);
                if (tag == 4)
                {
                    using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 4, isConstructed: true)))
                    {
                        writer.WriteEncodedValue(new X500DistinguishedName(value).RawData);
                    }
                }
                else
                {
                    writer.WriteCharacterString(UniversalTagNumber.IA5String, value, context);
                }
            }
        }

        return new X509Extension("2.5.29.17", writer.Encode(), critical: false);
    }

    /// <summary>A name whose first RDN holds two attributes (CN and OU, written with '+' in RFC 4514), then O: .NET's parser quotes a '+', so it is encoded by hand.</summary>
    public static X500DistinguishedName MultiValuedName(string commonName, string unit, string organization)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSetOf())
            {
                Attribute("2.5.4.3", commonName);
                Attribute("2.5.4.11", unit);
            }

            using (writer.PushSetOf())
            {
                Attribute("2.5.4.10", organization);
            }
        }

        return new X500DistinguishedName(writer.Encode());

        void Attribute(string oid, string value)
        {
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(oid);
                writer.WriteCharacterString(UniversalTagNumber.UTF8String, value);
            }
        }
    }

    public static byte[] RandomSerial()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        serial[0] |= 0x10;
        return serial;
    }
}
