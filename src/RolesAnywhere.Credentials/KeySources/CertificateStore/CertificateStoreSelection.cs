using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace RolesAnywhere.Credentials.KeySources.CertificateStore;

/// <summary>
/// Picks the one certificate a selector names among a store's certificates: expired (or not yet valid)
/// certificates and certificates without a private key are skipped and reported; several usable matches
/// are an error unless the latest-expiring one is wanted.
/// </summary>
internal sealed class CertificateStoreSelection
{
    private CertificateStoreSelection(X509Certificate2 certificate, IReadOnlyList<string> skipped)
    {
        Certificate = certificate;
        Skipped = skipped;
    }

    /// <summary>Gets the chosen certificate (an element of the searched collection).</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Gets a description of each matching certificate that was skipped, with the reason.</summary>
    public IReadOnlyList<string> Skipped { get; }

    /// <exception cref="RolesAnywhereConfigurationException">No usable certificate matches, or several do without <paramref name="useLatestExpiring"/>.</exception>
    public static CertificateStoreSelection Select(
        X509Certificate2Collection certificates, CertificateSelector selector, bool useLatestExpiring, DateTimeOffset now, string storeDescription)
    {
        var usable = new List<X509Certificate2>();
        var skipped = new List<string>();
        foreach (var certificate in certificates)
        {
            if (!selector.Matches(certificate))
            {
                continue;
            }

            if (certificate.NotAfter.ToUniversalTime() <= now.UtcDateTime)
            {
                skipped.Add(Describe(certificate) + " skipped: expired");
            }
            else if (certificate.NotBefore.ToUniversalTime() > now.UtcDateTime)
            {
                skipped.Add(Describe(certificate) + " skipped: not valid yet");
            }
            else if (!certificate.HasPrivateKey)
            {
                skipped.Add(Describe(certificate) + " skipped: no private key in the store");
            }
            else
            {
                usable.Add(certificate);
            }
        }

        if (usable.Count == 0)
        {
            string why = skipped.Count == 0 ? "no certificate matches" : "every match was skipped: " + string.Join("; ", skipped);
            throw new RolesAnywhereConfigurationException(
                $"No usable certificate for CertificateSelector '{selector}' in the {storeDescription} store ({why}). Fix CertificateSelector, CertificateStoreName or CertificateStoreLocation, or import the certificate with its private key.");
        }

        if (usable.Count > 1 && !useLatestExpiring)
        {
            var list = new StringBuilder();
            foreach (var certificate in usable)
            {
                list.Append(list.Length == 0 ? string.Empty : "; ").Append(Describe(certificate));
            }

            throw new RolesAnywhereConfigurationException(
                $"{usable.Count} certificates match CertificateSelector '{selector}' in the {storeDescription} store: {list}. Narrow the selector (Key=x509Serial or Key=thumbprint) or set UseLatestExpiringCertificate to use the one that expires last.");
        }

        var chosen = usable[0];
        foreach (var certificate in usable)
        {
            if (certificate.NotAfter > chosen.NotAfter)
            {
                chosen = certificate;
            }
        }

        return new CertificateStoreSelection(chosen, skipped);
    }

    public static string Describe(X509Certificate2 certificate) => string.Create(
        CultureInfo.InvariantCulture,
        $"'{certificate.Subject}' issued by '{certificate.Issuer}' (serial {certificate.SerialNumber}, thumbprint {certificate.Thumbprint}, expires {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm:ss}Z)");
}
