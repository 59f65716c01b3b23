using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace RolesAnywhere.Credentials.Testing.Verification;

/// <summary>
/// ML-DSA (FIPS 204) verification for the emulator, in managed code (BouncyCastle) so that it works whatever the
/// platform's OpenSSL: pure ML-DSA with an empty context, over the string to sign or a TBSCertificate.
/// </summary>
internal static class MLDsaSignatures
{
    private static readonly string[] Oids = ["2.16.840.1.101.3.4.3.17", "2.16.840.1.101.3.4.3.18", "2.16.840.1.101.3.4.3.19"];

    /// <summary>Returns whether an algorithm OID (of a key or a signature) is ML-DSA-44, -65 or -87.</summary>
    public static bool IsMLDsa(string? oid) => Array.IndexOf(Oids, oid) >= 0;

    /// <summary>Returns whether the certificate holds an ML-DSA public key.</summary>
    public static bool HasMLDsaKey(X509Certificate2 certificate) => IsMLDsa(certificate.GetKeyAlgorithm());

    /// <summary>Verifies <paramref name="signature"/> over <paramref name="data"/> with the certificate's ML-DSA public key.</summary>
    /// <returns><see langword="false"/> for a wrong signature, a wrong length, or a certificate without an ML-DSA key.</returns>
    public static bool Verify(X509Certificate2 signer, ReadOnlySpan<byte> data, byte[] signature)
    {
        if (!HasMLDsaKey(signer))
        {
            return false;
        }

        // The SubjectPublicKeyInfo as the certificate carries it (.NET 8's PublicKey cannot re-encode an ML-DSA one).
        var key = (MLDsaPublicKeyParameters)PublicKeyFactory.CreateKey(new X509CertificateParser().ReadCertificate(signer.RawData).CertificateStructure.SubjectPublicKeyInfo);
        var verifier = new MLDsaSigner(key.Parameters, deterministic: false);
        verifier.Init(forSigning: false, key);
        verifier.BlockUpdate(data);
        return verifier.VerifySignature(signature);
    }
}
