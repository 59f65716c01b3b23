using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;

namespace RolesAnywhere.Credentials.Authorization.Certificates;

/// <summary>
/// The one home of what IAM Roles Anywhere accepts in a certificate's key and signature: the credentials refuse what these
/// refuse, and <c>inspect</c>, the renewal checks and the emulator report it as an error, from the same predicates.
/// </summary>
/// <remarks>
/// Key types: RSA of 2048 to 4096 bits, ECDSA on P-256, P-384 or P-521, and ML-DSA-44/65/87 — the keys the SigV4-X509
/// algorithms sign with (https://docs.aws.amazon.com/rolesanywhere/latest/userguide/authentication.html, "Signature
/// algorithms": AWS4-X509-RSA-SHA256, AWS4-X509-ECDSA-SHA256, AWS4-X509-MLDSA; the curves and sizes are those the official
/// signing helper accepts). Signatures: "SHA256 or stronger; MD5 and SHA1 signing algorithms are rejected"
/// (https://docs.aws.amazon.com/rolesanywhere/latest/userguide/trust-model.html, "Signature verification").
/// Serial numbers: <see cref="CertificateSerialNumber.IsEncodedNegative"/>.
/// </remarks>
public static class CertificateAcceptance
{
    /// <summary>The smallest RSA key, in bits, the service accepts.</summary>
    public const int MinimumRsaBits = 2048;

    /// <summary>The largest RSA key, in bits, the service accepts.</summary>
    public const int MaximumRsaBits = 4096;

    private const string RsaOid = "1.2.840.113549.1.1.1";
    private const string EcOid = "1.2.840.10045.2.1";
    private static readonly string[] Curves = ["1.2.840.10045.3.1.7", "1.3.132.0.34", "1.3.132.0.35"];
    private static readonly string[] MLDsa = ["2.16.840.1.101.3.4.3.17", "2.16.840.1.101.3.4.3.18", "2.16.840.1.101.3.4.3.19"];

    /// <summary>Says why the certificate's key cannot be used with IAM Roles Anywhere, or <see langword="null"/> when it can.</summary>
    /// <param name="certificate">The end-entity certificate.</param>
    /// <returns>A sentence naming the key and what is accepted (no fix), or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="certificate"/> is <see langword="null"/>.</exception>
    public static string? KeyProblem(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        switch (certificate.PublicKey.Oid.Value)
        {
            case RsaOid:
                using (var rsa = certificate.GetRSAPublicKey())
                {
                    var bits = rsa?.KeySize ?? 0;
                    return bits is >= MinimumRsaBits and <= MaximumRsaBits
                        ? null
                        : $"its key is RSA-{bits}; IAM Roles Anywhere accepts RSA keys of {MinimumRsaBits} to {MaximumRsaBits} bits";
                }

            case EcOid:
                var curve = CurveOf(certificate);
                return curve is not null && Curves.Contains(curve, StringComparer.Ordinal)
                    ? null
                    : $"its key is on the elliptic curve {curve ?? "(explicit parameters)"}; IAM Roles Anywhere accepts P-256, P-384 and P-521";

            case var oid when oid is not null && MLDsa.Contains(oid, StringComparer.Ordinal):
                return null;

            default:
                return $"its key is of type {certificate.PublicKey.Oid.FriendlyName ?? certificate.PublicKey.Oid.Value}; IAM Roles Anywhere accepts RSA ({MinimumRsaBits} to {MaximumRsaBits} bits), ECDSA (P-256, P-384, P-521) and ML-DSA (44, 65, 87) keys";
        }
    }

    /// <summary>Gets a value indicating whether the signature algorithm is one the service rejects (MD5 or SHA-1).</summary>
    /// <param name="signatureAlgorithmOid">The certificate's signature algorithm OID.</param>
    /// <returns><see langword="true"/> for MD5 and SHA-1 based signatures.</returns>
    public static bool IsRejectedSignatureAlgorithm(string? signatureAlgorithmOid) =>
        SignatureAlgorithms.Describe(signatureAlgorithmOid, null).Accepted == false;

    private static string? CurveOf(X509Certificate2 certificate)
    {
        var parameters = certificate.PublicKey.EncodedParameters?.RawData;
        if (parameters is null)
        {
            return null;
        }

        try
        {
            return AsnDecoder.ReadObjectIdentifier(parameters, AsnEncodingRules.DER, out _);
        }
        catch (AsnContentException)
        {
            return null;
        }
    }
}
