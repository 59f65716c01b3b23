using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.Authorization.Certificates;

namespace RolesAnywhere.Credentials.Audit.Sessions;

/// <summary>Serial and subject of an end-entity certificate a record carries as PEM or base64 DER.</summary>
internal static class CertificateIdentity
{
    public static bool TryRead(string? text, out CertificateSerialNumber serial, out string? subject)
    {
        serial = default;
        subject = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        try
        {
            byte[] der;
            if (text.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                var fields = PemEncoding.Find(text);
                der = Convert.FromBase64String(text[fields.Base64Data]);
            }
            else
            {
                der = Convert.FromBase64String(text);
            }

#if NET9_0_OR_GREATER
            using var certificate = X509CertificateLoader.LoadCertificate(der);
#else
            using var certificate = new X509Certificate2(der);
#endif
            serial = CertificateSerialNumber.FromBigEndian(certificate.SerialNumberBytes.Span);
            subject = certificate.Subject;
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or CryptographicException)
        {
            return false;
        }
    }
}
