using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace RolesAnywhere.Credentials.Testing.Certificates;

/// <summary>PEM text and files for test certificates and keys, in the formats users' files come in.</summary>
public static class TestCertificatePem
{
    /// <summary>Returns the certificate as a <c>CERTIFICATE</c> PEM block.</summary>
    /// <param name="certificate">The certificate.</param>
    /// <returns>The PEM text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="certificate"/> is <see langword="null"/>.</exception>
    public static string Certificate(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return certificate.ExportCertificatePem() + "\n";
    }

    /// <summary>Returns several certificates as consecutive PEM blocks (an intermediates bundle).</summary>
    /// <param name="certificates">The certificates, in order.</param>
    /// <returns>The PEM text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="certificates"/> is <see langword="null"/>.</exception>
    public static string Certificates(IEnumerable<X509Certificate2> certificates)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        var builder = new StringBuilder();
        foreach (var certificate in certificates)
        {
            builder.Append(Certificate(certificate));
        }

        return builder.ToString();
    }

    /// <summary>Returns the certificate's private key as an unencrypted PKCS#8 <c>PRIVATE KEY</c> PEM block.</summary>
    /// <param name="certificate">A certificate with an RSA or ECDSA private key, or an ML-DSA certificate this library issued (seed-only PKCS#8).</param>
    /// <returns>The PEM text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="certificate"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The certificate has no private key.</exception>
    public static string PrivateKey(X509Certificate2 certificate)
    {
        using var key = PrivateKeyOf(certificate);
        return key.ExportPkcs8PrivateKeyPem() + "\n";
    }

    /// <summary>Returns the private key in its traditional form: PKCS#1 <c>RSA PRIVATE KEY</c> or SEC1 <c>EC PRIVATE KEY</c>.</summary>
    /// <param name="certificate">A certificate with an RSA or ECDSA private key.</param>
    /// <returns>The PEM text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="certificate"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The certificate has no private key, or an ML-DSA one.</exception>
    public static string TraditionalPrivateKey(X509Certificate2 certificate)
    {
        using var key = PrivateKeyOf(certificate);
        return key switch
        {
            RSA rsa => rsa.ExportRSAPrivateKeyPem() + "\n",
            ECDsa ecdsa => ecdsa.ExportECPrivateKeyPem() + "\n",
            _ => throw new InvalidOperationException("ML-DSA keys have no traditional form; use PrivateKey (PKCS#8)."),
        };
    }

    /// <summary>Returns the private key as an encrypted PKCS#8 <c>ENCRYPTED PRIVATE KEY</c> PEM block (PBKDF2-SHA256, AES-256-CBC).</summary>
    /// <param name="certificate">A certificate with an RSA or ECDSA private key.</param>
    /// <param name="password">The password.</param>
    /// <returns>The PEM text.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The certificate has no private key.</exception>
    public static string EncryptedPrivateKey(X509Certificate2 certificate, string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        using var key = PrivateKeyOf(certificate);
        var parameters = new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 2048);
        return key.ExportEncryptedPkcs8PrivateKeyPem(password.AsSpan(), parameters) + "\n";
    }

    /// <summary>Writes the certificate and its unencrypted PKCS#8 private key to two PEM files.</summary>
    /// <param name="certificate">A certificate with an RSA or ECDSA private key.</param>
    /// <param name="certificatePath">Where to write the certificate.</param>
    /// <param name="privateKeyPath">Where to write the private key.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The certificate has no private key.</exception>
    public static void WriteFiles(X509Certificate2 certificate, string certificatePath, string privateKeyPath)
    {
        ArgumentNullException.ThrowIfNull(certificatePath);
        ArgumentNullException.ThrowIfNull(privateKeyPath);
        File.WriteAllText(certificatePath, Certificate(certificate));
        File.WriteAllText(privateKeyPath, PrivateKey(certificate));
    }

    private static AsymmetricAlgorithm PrivateKeyOf(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (!KeyFactory.HasPrivateKey(certificate))
        {
            throw new InvalidOperationException($"The certificate '{certificate.Subject}' has no private key to export.");
        }

        return KeyFactory.PrivateKeyOf(certificate);
    }
}
