using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography;
using System.Text;
using RolesAnywhere.Credentials.Identity.Decoding;

namespace RolesAnywhere.Credentials.Renewal;

/// <summary>Reads the first certificate of a PEM or DER file (the certificate to renew, the trust anchor's).</summary>
internal static class CertificateFile
{
    /// <exception cref="CertificateRenewalException">The file cannot be read or holds no certificate (<see cref="CertificateRenewalStage.Configuration"/>).</exception>
    public static X509Certificate2 ReadFirst(string path, string setting)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            if (bytes.AsSpan().IndexOf("-----BEGIN"u8) < 0)
            {
                return CertificateDecoder.FromDer(bytes, new MaterialSource(setting, path, "PrivateKeyPassword"));
            }

            var collection = new X509Certificate2Collection();
            collection.ImportFromPem(Encoding.ASCII.GetString(bytes));
            return collection.Count != 0 ? collection[0] : throw new CryptographicException("there is no PEM certificate in it");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException or RolesAnywhereConfigurationException)
        {
            throw new CertificateRenewalException(CertificateRenewalStage.Configuration, $"{setting} '{path}' cannot be read as a certificate ({ex.Message}).", ex);
        }
    }
}
