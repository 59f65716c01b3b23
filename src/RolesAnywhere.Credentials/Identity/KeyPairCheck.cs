using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.Identity;

/// <summary>
/// Proves that a signing key belongs to a certificate the way the service will: the key signs a
/// random challenge and the certificate's public key verifies it. Works for every
/// <see cref="ISigningKey"/>, hardware keys included, since it needs no access to the private key.
/// </summary>
internal static class KeyPairCheck
{
    /// <summary>Random bytes signed once; the size of a SHA-256 digest.</summary>
    private const int ChallengeLength = 32;

    /// <summary>Returns true when a signature by <paramref name="key"/> verifies under <paramref name="certificate"/>'s public key.</summary>
    public static bool Matches(X509Certificate2 certificate, ISigningKey key)
    {
        Span<byte> challenge = stackalloc byte[ChallengeLength];
        RandomNumberGenerator.Fill(challenge);
        var signature = new byte[key.MaxSignatureSizeInBytes];
        if (!key.TrySign(challenge, signature, out var written))
        {
            return false;
        }

        return key.Algorithm switch
        {
            SigningKeyAlgorithm.Rsa => VerifyRsa(certificate, challenge, signature.AsSpan(0, written)),
            SigningKeyAlgorithm.Ecdsa => VerifyEcdsa(certificate, challenge, signature.AsSpan(0, written)),
            SigningKeyAlgorithm.MLDsa => VerifyMLDsa(certificate, challenge, signature.AsSpan(0, written)),
            _ => false,
        };
    }

    private static bool VerifyRsa(X509Certificate2 certificate, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        using var rsa = certificate.GetRSAPublicKey();
        return rsa is not null && rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    private static bool VerifyMLDsa(X509Certificate2 certificate, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        var parameterSet = MLDsaParameterSet.FromOid(certificate.GetKeyAlgorithm());
        return parameterSet is not null
            && MLDsaImplementations.Require($"The certificate ({CertificateProfile.Describe(certificate)})")
                .Verify(parameterSet, certificate.PublicKey.EncodedKeyValue.RawData, data, signature);
    }

    private static bool VerifyEcdsa(X509Certificate2 certificate, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        using var ecdsa = certificate.GetECDsaPublicKey();
        return ecdsa is not null && ecdsa.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }
}
