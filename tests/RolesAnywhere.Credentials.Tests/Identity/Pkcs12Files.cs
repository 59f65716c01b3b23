using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
#if !NET9_0_OR_GREATER
using System.Security.Cryptography.Pkcs;
#endif

namespace RolesAnywhere.Credentials.Tests.Identity;

/// <summary>
/// Writes PKCS#12 files for the loader tests on every target framework: .NET 9+ through <c>ExportPkcs12</c>,
/// .NET 8 (which lacks it) through <c>Pkcs12Builder</c> with the same algorithms, so the net8.0 run reads the
/// same kinds of file.
/// </summary>
internal static class Pkcs12Files
{
    private const int Iterations = 2000;

    /// <summary>PBES2, AES-256-CBC, PBKDF2-HMAC-SHA256: what OpenSSL 3 and .NET 9+ write by default.</summary>
    public static readonly PbeParameters Aes256Sha256 = new(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, Iterations);

    /// <summary>pbeWithSHAAnd3-KeyTripleDES-CBC: what OpenSSL 1.x and older Windows wrote.</summary>
    public static readonly PbeParameters TripleDesSha1 = new(PbeEncryptionAlgorithm.TripleDes3KeyPkcs12, HashAlgorithmName.SHA1, Iterations);

    public static byte[] Export(X509Certificate2[] certificates, PbeParameters encryption, string? password)
    {
#if NET9_0_OR_GREATER
        return new X509Certificate2Collection(certificates).ExportPkcs12(encryption, password);
#else
        var keys = new Pkcs12SafeContents();
        var certs = new Pkcs12SafeContents();
        foreach (var certificate in certificates)
        {
            certs.AddCertificate(certificate);
            using AsymmetricAlgorithm? key = (AsymmetricAlgorithm?)certificate.GetRSAPrivateKey() ?? certificate.GetECDsaPrivateKey();
            if (key is not null)
            {
                keys.AddShroudedKey(key, password, encryption);
            }
        }

        var builder = new Pkcs12Builder();
        builder.AddSafeContentsUnencrypted(keys);
        builder.AddSafeContentsEncrypted(certs, password, encryption);
        builder.SealWithMac(password, encryption.HashAlgorithm, Iterations);
        return builder.Encode();
#endif
    }
}
