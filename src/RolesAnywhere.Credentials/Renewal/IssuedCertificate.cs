using System.Security.Cryptography.X509Certificates;

namespace RolesAnywhere.Credentials.Renewal;

/// <summary>What a CA returned for a certificate signing request: the certificate and, optionally, its chain.</summary>
public sealed class IssuedCertificate
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="certificate">The issued (leaf) certificate.</param>
    /// <param name="chain">The intermediate CA certificates the CA returned with it, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="certificate"/> is <see langword="null"/>.</exception>
    public IssuedCertificate(X509Certificate2 certificate, X509Certificate2Collection? chain = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        Certificate = certificate;
        Chain = chain ?? [];
    }

    /// <summary>Gets the issued certificate.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Gets the CA certificates returned with it (may be empty).</summary>
    public X509Certificate2Collection Chain { get; }

    /// <summary>Reads PEM text holding the certificate first and then, optionally, its chain.</summary>
    /// <param name="pem">The PEM text.</param>
    /// <param name="source">What produced the text, for messages (for example <c>the command 'openssl'</c>).</param>
    /// <returns>The certificate and chain.</returns>
    /// <exception cref="CertificateRenewalException">The text holds no certificate, or one that cannot be read.</exception>
    public static IssuedCertificate FromPem(string pem, string source)
    {
        ArgumentNullException.ThrowIfNull(pem);
        var all = new X509Certificate2Collection();
        try
        {
            all.ImportFromPem(pem);
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            throw new CertificateRenewalException(CertificateRenewalStage.Issuance, $"The certificate from {source} cannot be read ({ex.Message}); it must be PEM (-----BEGIN CERTIFICATE-----).", ex);
        }

        if (all.Count == 0)
        {
            throw new CertificateRenewalException(CertificateRenewalStage.Issuance, $"{source} returned no PEM certificate (-----BEGIN CERTIFICATE-----).");
        }

        var chain = new X509Certificate2Collection();
        for (var i = 1; i < all.Count; i++)
        {
            chain.Add(all[i]);
        }

        return new IssuedCertificate(all[0], chain);
    }
}
