using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.Hardware.Tests;

/// <summary>Checks a key's signature with the certificate's public key, as the service does.</summary>
internal static class SigningAssert
{
    public static void Verifies(ISigningKey key, X509Certificate2 certificate)
    {
        byte[] data = "AWS4-X509-ECDSA-SHA256\n20260101T000000Z\nscope\nhash"u8.ToArray();
        byte[] signature = new byte[key.MaxSignatureSizeInBytes];
        Assert.True(key.TrySign(data, signature, out int written));
        using var rsa = certificate.GetRSAPublicKey();
        if (rsa is not null)
        {
            Assert.True(rsa.VerifyData(data, signature.AsSpan(0, written), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
            return;
        }

        using var ecdsa = certificate.GetECDsaPublicKey()!;
        Assert.True(ecdsa.VerifyData(data, signature.AsSpan(0, written), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }
}
