using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RolesAnywhere.Credentials.Identity.Decoding;

/// <summary>Loads one DER certificate, tolerating trailing data (OpenSSL's <c>TRUSTED CERTIFICATE</c> auxiliary block).</summary>
internal static class CertificateDecoder
{
    public static X509Certificate2 FromDer(ReadOnlySpan<byte> der, MaterialSource source)
    {
        try
        {
            AsnDecoder.ReadEncodedValue(der, AsnEncodingRules.DER, out _, out _, out var consumed);
#if NET9_0_OR_GREATER
            var certificate = X509CertificateLoader.LoadCertificate(der[..consumed]);
#else
            var certificate = new X509Certificate2(der[..consumed]);
#endif
            try
            {
                DecodeLazyFields(certificate);
                return certificate;
            }
            catch
            {
                certificate.Dispose();
                throw;
            }
        }
        catch (Exception ex) when (ex is CryptographicException or AsnContentException)
        {
            throw new RolesAnywhereConfigurationException(
                $"{source.SentencePhrase} holds a certificate that cannot be parsed: the data is damaged or truncated. Get the certificate again from the CA.", ex);
        }
    }

    /// <summary>
    /// The platform decodes some fields only when they are first read, so a certificate whose validity times, names,
    /// serial or key are damaged would load here and fail later, wherever it is first used (found by fuzzing: a bad
    /// notAfter escaped from the validity check as a bare CryptographicException). Reading them now makes every such
    /// failure this decoder's error, naming the input.
    /// </summary>
    private static void DecodeLazyFields(X509Certificate2 certificate)
    {
        _ = certificate.NotBefore;
        _ = certificate.NotAfter;
        _ = certificate.SubjectName.Name;
        _ = certificate.IssuerName.Name;
        _ = certificate.SerialNumberBytes;
        _ = certificate.PublicKey.Oid.Value;
        _ = certificate.Extensions.Count;
    }
}
