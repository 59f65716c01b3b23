using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RolesAnywhere.Credentials.Authorization.Certificates;

/// <summary>
/// The one check of an X.509 signature (a certificate's or a CRL's) with an issuer's public key: RSA PKCS#1 v1.5 and ECDSA
/// with SHA-256, SHA-384 or SHA-512 (RFC 4055, RFC 5758). Any other algorithm, or a signature that does not verify or cannot
/// be read, is "not signed by" — never an exception. Used by the CRL reader, the renewal's issuer pin and the emulator.
/// </summary>
public static class X509Signature
{
    /// <summary>Verifies <paramref name="signature"/> over <paramref name="signedPart"/> with <paramref name="signer"/>'s public key.</summary>
    /// <param name="signedPart">The DER of the signed part (tbsCertificate, tbsCertList).</param>
    /// <param name="algorithmOid">The signature algorithm OID.</param>
    /// <param name="signature">The signature value.</param>
    /// <param name="signer">The certificate whose public key should have signed.</param>
    /// <returns><see langword="true"/> when the signature verifies.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="signer"/> or <paramref name="algorithmOid"/> is <see langword="null"/>.</exception>
    public static bool Verify(ReadOnlySpan<byte> signedPart, string algorithmOid, ReadOnlySpan<byte> signature, X509Certificate2 signer)
    {
        ArgumentNullException.ThrowIfNull(algorithmOid);
        ArgumentNullException.ThrowIfNull(signer);
        var hash = algorithmOid switch
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

        try
        {
            if (algorithmOid.StartsWith("1.2.840.10045", StringComparison.Ordinal))
            {
                using var ecdsa = signer.GetECDsaPublicKey();
                return ecdsa is not null && ecdsa.VerifyData(signedPart, signature, hash, DSASignatureFormat.Rfc3279DerSequence);
            }

            using var rsa = signer.GetRSAPublicKey();
            return rsa is not null && rsa.VerifyData(signedPart, signature, hash, RSASignaturePadding.Pkcs1);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>Whether <paramref name="certificate"/>'s signature verifies with <paramref name="issuer"/>'s public key.</summary>
    /// <param name="certificate">The certificate.</param>
    /// <param name="issuer">Its presumed issuer.</param>
    /// <returns><see langword="true"/> when the signature verifies.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static bool IsCertificateSignedBy(X509Certificate2 certificate, X509Certificate2 issuer)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(issuer);
        return TrySplit(certificate.RawData, out var signed, out var algorithm, out var signature) && Verify(signed.Span, algorithm, signature, issuer);
    }

    /// <summary>Splits a signed X.509 structure (Certificate, CertificateList): SEQUENCE { signed part, AlgorithmIdentifier, BIT STRING }.</summary>
    /// <param name="der">The DER.</param>
    /// <param name="signedPart">The signed part, as encoded.</param>
    /// <param name="algorithmOid">The signature algorithm OID.</param>
    /// <param name="signature">The signature value.</param>
    /// <returns><see langword="false"/> when <paramref name="der"/> is not such a structure.</returns>
    public static bool TrySplit(ReadOnlyMemory<byte> der, out ReadOnlyMemory<byte> signedPart, out string algorithmOid, out byte[] signature)
    {
        try
        {
            var outer = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
            signedPart = outer.ReadEncodedValue();
            algorithmOid = outer.ReadSequence().ReadObjectIdentifier();
            signature = outer.ReadBitString(out _);
            return true;
        }
        catch (AsnContentException)
        {
            signedPart = default;
            algorithmOid = string.Empty;
            signature = [];
            return false;
        }
    }
}
