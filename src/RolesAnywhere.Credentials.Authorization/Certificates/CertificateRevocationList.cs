using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace RolesAnywhere.Credentials.Authorization.Certificates;

/// <summary>
/// An X.509 CRL (RFC 5280, section 5) as imported into a trust anchor (https://docs.aws.amazon.com/rolesanywhere/latest/userguide/trust-model.html,
/// "Revocation"): its issuer, dates, revoked serial numbers with their revocation dates, and signature. The one CRL reader:
/// <c>inspect</c>, the renewal checks and <c>audit --crl</c> all read CRLs with it.
/// </summary>
public sealed class CertificateRevocationList
{
    private CertificateRevocationList(X500DistinguishedName issuer, DateTimeOffset thisUpdate, DateTimeOffset? nextUpdate, Dictionary<CertificateSerialNumber, DateTimeOffset> revoked,
        byte[] signedPart, string signatureAlgorithm, byte[] signature)
    {
        Issuer = issuer;
        ThisUpdate = thisUpdate;
        NextUpdate = nextUpdate;
        Revoked = revoked;
        SignedPart = signedPart;
        SignatureAlgorithm = signatureAlgorithm;
        Signature = signature;
    }

    /// <summary>Gets the CRL's issuer.</summary>
    public X500DistinguishedName Issuer { get; }

    /// <summary>Gets when the CRL was issued.</summary>
    public DateTimeOffset ThisUpdate { get; }

    /// <summary>Gets when the next CRL is due, or <see langword="null"/> when the CRL does not say.</summary>
    public DateTimeOffset? NextUpdate { get; }

    /// <summary>Gets the revoked serial numbers, each with its revocation date (the earliest, should a serial be listed twice).</summary>
    public IReadOnlyDictionary<CertificateSerialNumber, DateTimeOffset> Revoked { get; }

    private byte[] SignedPart { get; }

    private string SignatureAlgorithm { get; }

    private byte[] Signature { get; }

    /// <summary>Reads a CRL, DER or PEM (<c>-----BEGIN X509 CRL-----</c>).</summary>
    /// <param name="data">The CRL's bytes.</param>
    /// <returns>The CRL.</returns>
    /// <exception cref="FormatException">Not a CRL (the message says what was expected).</exception>
    public static CertificateRevocationList Parse(ReadOnlySpan<byte> data)
    {
        var der = Unwrap(data);
        try
        {
            var reader = new AsnReader(der, AsnEncodingRules.DER);
            var list = reader.ReadSequence();
            var tbsEncoded = list.PeekEncodedValue().ToArray();
            var tbs = list.ReadSequence();
            var algorithm = list.ReadSequence().ReadObjectIdentifier();
            var signature = list.ReadBitString(out _);

            if (tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Integer))
            {
                tbs.ReadInteger();
            }

            tbs.ReadSequence();
            var issuer = new X500DistinguishedName(tbs.ReadEncodedValue().Span);
            var thisUpdate = ReadTime(tbs);
            DateTimeOffset? nextUpdate = tbs.HasData && (tbs.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) || tbs.PeekTag().HasSameClassAndValue(Asn1Tag.GeneralizedTime))
                ? ReadTime(tbs)
                : null;
            var revoked = new Dictionary<CertificateSerialNumber, DateTimeOffset>();
            if (tbs.HasData && tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
            {
                var entries = tbs.ReadSequence();
                while (entries.HasData)
                {
                    // revokedCertificates: SEQUENCE { userCertificate CertificateSerialNumber, revocationDate Time, … }
                    var entry = entries.ReadSequence();
                    var serial = CertificateSerialNumber.FromBigEndian(entry.ReadIntegerBytes().Span);
                    var when = ReadTime(entry);
                    if (!revoked.TryGetValue(serial, out var earlier) || when < earlier)
                    {
                        revoked[serial] = when;
                    }
                }
            }

            return new CertificateRevocationList(issuer, thisUpdate, nextUpdate, revoked, tbsEncoded, algorithm, signature);
        }
        catch (AsnContentException e)
        {
            throw new FormatException("The CRL is not a DER or PEM (-----BEGIN X509 CRL-----) certificate revocation list: " + e.Message, e);
        }
    }

    /// <summary>Gets a value indicating whether the CRL lists the certificate's serial number.</summary>
    /// <param name="certificate">The certificate.</param>
    /// <returns><see langword="true"/> when revoked.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="certificate"/> is <see langword="null"/>.</exception>
    public bool IsRevoked(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);

        // Unsigned, as the CRL's entries are read: a negative serial is reported by the certificate rules, not here.
        return Revoked.ContainsKey(CertificateSerialNumber.FromBigEndian(certificate.SerialNumberBytes.Span));
    }

    /// <summary>Gets a value indicating whether <paramref name="issuer"/>'s key signed this CRL (RSA PKCS#1 v1.5 or ECDSA, SHA-256/384/512).</summary>
    /// <param name="issuer">The CA certificate.</param>
    /// <returns><see langword="true"/> when the signature verifies.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="issuer"/> is <see langword="null"/>.</exception>
    public bool IsSignedBy(X509Certificate2 issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        return X509Signature.Verify(SignedPart, SignatureAlgorithm, Signature, issuer);
    }

    private static byte[] Unwrap(ReadOnlySpan<byte> data)
    {
        var text = Encoding.ASCII.GetString(data);
        if (!text.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            return data.ToArray();
        }

        if (!PemEncoding.TryFind(text, out var fields) || text[fields.Label] != "X509 CRL")
        {
            throw new FormatException("The CRL file is PEM but holds no '-----BEGIN X509 CRL-----' block.");
        }

        return Convert.FromBase64String(text[fields.Base64Data]);
    }

    private static DateTimeOffset ReadTime(AsnReader reader) =>
        reader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) ? reader.ReadUtcTime() : reader.ReadGeneralizedTime();
}
