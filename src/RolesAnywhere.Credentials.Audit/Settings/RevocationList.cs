using System.Formats.Asn1;
using System.Security.Cryptography;
using RolesAnywhere.Credentials.Audit.Sessions;
using RolesAnywhere.Credentials.Authorization.Certificates;

namespace RolesAnywhere.Credentials.Audit.Settings;

/// <summary>
/// The revoked serials of one or more CRLs (RFC 5280 §5.1, DER or PEM <c>X509 CRL</c>), each with its revocation
/// date. The CRL's signature is not checked (the audit has no CA certificate to check it with): pass CRLs from
/// your CA, not from the logs under audit.
/// </summary>
internal sealed class RevocationList
{
    private readonly Dictionary<CertificateSerialNumber, (DateTimeOffset RevokedAt, string Source)> _revoked = [];

    public int Count => _revoked.Count;

    public bool TryGet(CertificateSerialNumber serial, out DateTimeOffset revokedAt, out string source)
    {
        var found = _revoked.TryGetValue(serial, out var entry);
        revokedAt = entry.RevokedAt;
        source = entry.Source ?? string.Empty;
        return found;
    }

    /// <exception cref="AuditInputException">The bytes are not a CRL.</exception>
    public void Add(ReadOnlySpan<byte> content, string source)
    {
        byte[] der;
        if (content.IndexOf("-----BEGIN X509 CRL-----"u8) >= 0)
        {
            var text = System.Text.Encoding.ASCII.GetString(content);
            try
            {
                der = PemEncoding.Find(text) is var fields && text[fields.Label] == "X509 CRL"
                    ? Convert.FromBase64String(text[fields.Base64Data])
                    : throw new FormatException("the first PEM block is not an X509 CRL");
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                throw new AuditInputException($"--crl {source}: the PEM is not readable ({e.Message}).", e);
            }
        }
        else
        {
            der = content.ToArray();
        }

        try
        {
            Read(der, source);
        }
        catch (AsnContentException e)
        {
            throw new AuditInputException($"--crl {source}: not a DER or PEM X.509 CRL ({e.Message}). Export it with 'openssl crl -in crl.pem -outform DER' or pass the PEM.", e);
        }
    }

    private void Read(byte[] der, string source)
    {
        // CertificateList ::= SEQUENCE { tbsCertList, signatureAlgorithm, signatureValue }
        var list = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        var tbs = list.ReadSequence();
        if (tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Integer))
        {
            tbs.ReadInteger(); // version v2
        }

        tbs.ReadSequence(); // signature AlgorithmIdentifier
        tbs.ReadSequence(); // issuer Name
        ReadTime(tbs); // thisUpdate
        if (tbs.HasData && IsTime(tbs.PeekTag()))
        {
            ReadTime(tbs); // nextUpdate
        }

        if (!tbs.HasData || !tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
        {
            return; // no revokedCertificates
        }

        var revoked = tbs.ReadSequence();
        while (revoked.HasData)
        {
            var entry = revoked.ReadSequence();
            var serial = CertificateSerialNumber.FromBigEndian(entry.ReadIntegerBytes().Span);
            var when = ReadTime(entry);
            if (!_revoked.TryGetValue(serial, out var existing) || when < existing.RevokedAt)
            {
                _revoked[serial] = (when, source);
            }
        }
    }

    private static bool IsTime(Asn1Tag tag) => tag.HasSameClassAndValue(Asn1Tag.UtcTime) || tag.HasSameClassAndValue(Asn1Tag.GeneralizedTime);

    private static DateTimeOffset ReadTime(AsnReader reader) =>
        reader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) ? reader.ReadUtcTime() : reader.ReadGeneralizedTime();
}
