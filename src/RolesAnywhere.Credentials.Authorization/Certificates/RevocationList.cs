using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace RolesAnywhere.Credentials.Authorization.Certificates;

/// <summary>
/// An X.509 CRL (RFC 5280, section 5) as imported into a trust anchor (https://docs.aws.amazon.com/rolesanywhere/latest/userguide/trust-model.html,
/// "Revocation"): its issuer, dates, revoked serial numbers and signature.
/// </summary>
internal sealed class RevocationList
{
    private RevocationList(X500DistinguishedName issuer, DateTimeOffset thisUpdate, DateTimeOffset? nextUpdate, HashSet<CertificateSerialNumber> revoked,
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

    public X500DistinguishedName Issuer { get; }

    public DateTimeOffset ThisUpdate { get; }

    public DateTimeOffset? NextUpdate { get; }

    public HashSet<CertificateSerialNumber> Revoked { get; }

    private byte[] SignedPart { get; }

    private string SignatureAlgorithm { get; }

    private byte[] Signature { get; }

    /// <exception cref="FormatException">Not a CRL (the message says what was expected).</exception>
    public static RevocationList Parse(ReadOnlySpan<byte> data)
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
            var revoked = new HashSet<CertificateSerialNumber>();
            if (tbs.HasData && tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
            {
                var entries = tbs.ReadSequence();
                while (entries.HasData)
                {
                    var entry = entries.ReadSequence();
                    revoked.Add(CertificateSerialNumber.FromBigEndian(entry.ReadIntegerBytes().Span));
                }
            }

            return new RevocationList(issuer, thisUpdate, nextUpdate, revoked, tbsEncoded, algorithm, signature);
        }
        catch (AsnContentException e)
        {
            throw new FormatException("The CRL is not a DER or PEM (-----BEGIN X509 CRL-----) certificate revocation list: " + e.Message, e);
        }
    }

    public bool IsRevoked(X509Certificate2 certificate)
    {
        // Unsigned, as the CRL's entries are read: a negative serial is reported by the certificate rules, not here.
        return Revoked.Contains(CertificateSerialNumber.FromBigEndian(certificate.SerialNumberBytes.Span));
    }

    /// <summary>Whether <paramref name="issuer"/>'s key signed this CRL (RSA PKCS#1 v1.5 or ECDSA, SHA-256/384/512).</summary>
    public bool IsSignedBy(X509Certificate2 issuer)
    {
        var hash = SignatureAlgorithm switch
        {
            "1.2.840.113549.1.1.11" or "1.2.840.10045.4.3.2" => HashAlgorithmName.SHA256,
            "1.2.840.113549.1.1.12" or "1.2.840.10045.4.3.3" => HashAlgorithmName.SHA384,
            "1.2.840.113549.1.1.13" or "1.2.840.10045.4.3.4" => HashAlgorithmName.SHA512,
            _ => default,
        };
        if (hash == default)
        {
            return false;
        }

        using var rsa = issuer.GetRSAPublicKey();
        if (rsa is not null)
        {
            return rsa.VerifyData(SignedPart, Signature, hash, RSASignaturePadding.Pkcs1);
        }

        using var ecdsa = issuer.GetECDsaPublicKey();
        return ecdsa is not null && ecdsa.VerifyData(SignedPart, Signature, hash, DSASignatureFormat.Rfc3279DerSequence);
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
