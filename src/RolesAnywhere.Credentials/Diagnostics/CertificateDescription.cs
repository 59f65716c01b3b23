using System.Security.Cryptography.X509Certificates;

namespace RolesAnywhere.Credentials.Diagnostics;

/// <summary>The public facts about a signing certificate that logs, spans and the health check report.</summary>
/// <param name="Subject">The subject distinguished name.</param>
/// <param name="SerialNumber">The serial number in hexadecimal, as the certificate shows it.</param>
/// <param name="NotAfter">The end of the certificate's validity, UTC.</param>
internal sealed record CertificateDescription(string Subject, string SerialNumber, DateTimeOffset NotAfter)
{
    public static CertificateDescription From(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return new CertificateDescription(
            certificate.Subject,
            certificate.SerialNumber,
            new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero));
    }

    /// <summary>Whole days from <paramref name="now"/> until <see cref="NotAfter"/> (negative once expired).</summary>
    public int DaysToExpiry(DateTimeOffset now) => (int)Math.Floor((NotAfter - now).TotalDays);
}
