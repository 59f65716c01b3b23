using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RolesAnywhere.Credentials.Certificates;

/// <summary>Loads one DER certificate, tolerating trailing data (OpenSSL's <c>TRUSTED CERTIFICATE</c> auxiliary block).</summary>
internal static class CertificateDecoder
{
    public static X509Certificate2 FromDer(ReadOnlySpan<byte> der, MaterialSource source)
    {
        try
        {
            AsnDecoder.ReadEncodedValue(der, AsnEncodingRules.DER, out _, out _, out var consumed);
#if NET9_0_OR_GREATER
            return X509CertificateLoader.LoadCertificate(der[..consumed]);
#else
            return new X509Certificate2(der[..consumed]);
#endif
        }
        catch (Exception ex) when (ex is CryptographicException or AsnContentException)
        {
            throw new RolesAnywhereConfigurationException(
                $"{source.SentencePhrase} holds a certificate that cannot be parsed: the data is damaged or truncated. Get the certificate again from the CA.", ex);
        }
    }
}
