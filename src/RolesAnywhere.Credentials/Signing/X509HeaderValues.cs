using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text;

using RolesAnywhere.Credentials.Authorization.Certificates;

namespace RolesAnywhere.Credentials.Signing;

/// <summary>The certificate-derived values of a SigV4-X509 request, computed once per certificate.</summary>
internal static class X509HeaderValues
{
    private const string RsaPublicKeyOid = "1.2.840.113549.1.1.1";
    private const string EcPublicKeyOid = "1.2.840.10045.2.1";

    /// <summary>Returns the standard padded base64 of the certificate's DER encoding (the <c>X-Amz-X509</c> value).</summary>
    public static string GetCertificateValue(X509Certificate2 certificate) => Convert.ToBase64String(certificate.RawData);

    /// <summary>
    /// Returns the comma-separated base64 DER of the intermediates (the <c>X-Amz-X509-Chain</c> value), or
    /// <see langword="null"/> when there are none. A copy of the leaf in the list is left out.
    /// </summary>
    /// <exception cref="ArgumentException">The list holds a <see langword="null"/> entry.</exception>
    public static string? GetChainValue(X509Certificate2 leaf, IEnumerable<X509Certificate2>? intermediates, string paramName)
    {
        if (intermediates is null)
        {
            return null;
        }

        var chain = new StringBuilder();
        int position = 0;
        foreach (X509Certificate2? intermediate in intermediates)
        {
            if (intermediate is null)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Intermediate certificate #{position} is null; pass only the certificates between the leaf and the trust anchor."), paramName);
            }

            position++;
            if (intermediate.RawDataMemory.Span.SequenceEqual(leaf.RawDataMemory.Span))
            {
                continue;
            }

            if (chain.Length > 0)
            {
                chain.Append(',');
            }

            chain.Append(Convert.ToBase64String(intermediate.RawData));
        }

        return chain.Length == 0 ? null : chain.ToString();
    }

    /// <summary>
    /// Returns the certificate's serial number as an unsigned decimal integer, the form the
    /// <c>Credential=</c> field takes. The DER bytes are read as unsigned, so a serial whose first byte has
    /// the high bit set (wrongly encoded without its leading zero) still comes out positive.
    /// </summary>
    public static string GetSerialNumberDecimal(X509Certificate2 certificate) =>
        CertificateSerialNumber.FromBigEndian(certificate.SerialNumberBytes.Span).ToDecimalString();

    /// <summary>Returns the key family of the certificate's public key, or <see langword="null"/> for any other kind.</summary>
    public static SigningKeyAlgorithm? GetPublicKeyAlgorithm(X509Certificate2 certificate) => certificate.GetKeyAlgorithm() switch
    {
        RsaPublicKeyOid => SigningKeyAlgorithm.Rsa,
        EcPublicKeyOid => SigningKeyAlgorithm.Ecdsa,
        var oid when MLDsaParameterSet.FromOid(oid) is not null => SigningKeyAlgorithm.MLDsa,
        _ => null,
    };
}
