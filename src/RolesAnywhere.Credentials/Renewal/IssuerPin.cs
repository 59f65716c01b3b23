using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

using RolesAnywhere.Credentials.Authorization.Certificates;

namespace RolesAnywhere.Credentials.Renewal;

/// <summary>
/// The issuer a renewed certificate must come from when no trust anchor certificate is configured: the current
/// certificate's own issuer, same name and same key. The key is proven by the signature when the issuer's certificate
/// is at hand (in the current intermediates: the new certificate must verify with its public key), and otherwise
/// compared by the Authority Key Identifier both certificates carry (the identifier of the key that signed them).
/// A current certificate without an Authority Key Identifier, and whose issuer is not at hand, cannot be pinned:
/// renewal then needs the trust anchor certificate, or an explicit acceptance of an issuer change.
/// </summary>
internal static class IssuerPin
{
    private const string AuthorityKeyIdentifierOid = "2.5.29.35";

    /// <summary>Returns <see langword="null"/> when <paramref name="issued"/> comes from the pinned issuer, or else why not, as a sentence.</summary>
    public static string? Check(X509Certificate2 issued, X509Certificate2 current, X509Certificate2Collection currentIntermediates)
    {
        var currentIssuer = current.IssuerName;
        if (!SameName(issued.IssuerName, currentIssuer))
        {
            return $"the issuer is '{issued.Issuer}' (key id {KeyId(issued)}), not the current certificate's issuer '{current.Issuer}' (key id {KeyId(current)})";
        }

        if (FindIssuer(current, currentIntermediates) is { } issuerCertificate)
        {
            return IsSignedBy(issued, issuerCertificate)
                ? null
                : $"it is not signed by the key of '{issuerCertificate.Subject}' (the current certificate's issuer, from the intermediates), although it names that issuer";
        }

        var currentKeyId = AuthorityKeyId(current);
        if (currentKeyId is null)
        {
            return $"the current certificate has no Authority Key Identifier and its issuer's certificate is not among the intermediates, so the issuer's key cannot be compared";
        }

        var issuedKeyId = AuthorityKeyId(issued);
        return issuedKeyId is not null && issuedKeyId.AsSpan().SequenceEqual(currentKeyId)
            ? null
            : $"it was signed by another key of '{issued.Issuer}': key id {KeyId(issued)}, the current certificate's is {KeyId(current)}";
    }

    /// <summary>Describes the issuer of <paramref name="certificate"/> for a report: name and key id.</summary>
    public static string Describe(X509Certificate2 certificate) => $"'{certificate.Issuer}' (key id {KeyId(certificate)})";

    private static bool SameName(X500DistinguishedName a, X500DistinguishedName b) =>
        a.RawData.AsSpan().SequenceEqual(b.RawData) || string.Equals(a.Name, b.Name, StringComparison.Ordinal);

    private static X509Certificate2? FindIssuer(X509Certificate2 certificate, X509Certificate2Collection candidates) =>
        candidates.FirstOrDefault(c => SameName(c.SubjectName, certificate.IssuerName) && IsSignedBy(certificate, c));

    private static string KeyId(X509Certificate2 certificate) => AuthorityKeyId(certificate) is { } id ? Convert.ToHexString(id) : "none";

    /// <summary>The keyIdentifier of the Authority Key Identifier extension, or <see langword="null"/>.</summary>
    private static byte[]? AuthorityKeyId(X509Certificate2 certificate)
    {
        var extension = certificate.Extensions[AuthorityKeyIdentifierOid];
        if (extension is null)
        {
            return null;
        }

        try
        {
            var reader = new AsnReader(extension.RawData, AsnEncodingRules.DER).ReadSequence();
            var keyIdTag = new Asn1Tag(TagClass.ContextSpecific, 0);
            return reader.HasData && reader.PeekTag().HasSameClassAndValue(keyIdTag) ? reader.ReadOctetString(keyIdTag) : null;
        }
        catch (AsnContentException)
        {
            return null;
        }
    }

    /// <summary>Whether the signature of <paramref name="certificate"/> verifies with the public key of <paramref name="issuer"/> (RSA PKCS#1 v1.5 or ECDSA, SHA-2).</summary>
    internal static bool IsSignedBy(X509Certificate2 certificate, X509Certificate2 issuer) =>
        X509Signature.IsCertificateSignedBy(certificate, issuer);
}
