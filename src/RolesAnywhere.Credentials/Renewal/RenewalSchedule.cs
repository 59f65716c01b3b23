using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RolesAnywhere.Credentials.Renewal;

/// <summary>
/// When a certificate is due: after <see cref="CertificateRenewalOptions.RenewAt"/> of its lifetime, moved by up to
/// <see cref="CertificateRenewalOptions.Jitter"/> of the lifetime either way. The offset comes from a hash of the
/// certificate, so one certificate always has the same due time (a cron job asking every hour gets one answer)
/// while certificates issued together to a fleet get different ones.
/// </summary>
internal static class RenewalSchedule
{
    /// <summary>The due fraction is kept within this margin of issue and expiry, whatever the settings and jitter.</summary>
    private const double Margin = 0.02;

    public static DateTimeOffset DueAt(X509Certificate2 certificate, double renewAt, double jitter)
    {
        var notBefore = NotBefore(certificate);
        var lifetime = NotAfter(certificate) - notBefore;
        var fraction = Math.Clamp(renewAt + (jitter * ((2 * Spread(certificate)) - 1)), Margin, 1 - Margin);
        return notBefore + TimeSpan.FromTicks((long)(lifetime.Ticks * fraction));
    }

    public static DateTimeOffset NotBefore(X509Certificate2 certificate) => new(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero);

    public static DateTimeOffset NotAfter(X509Certificate2 certificate) => new(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);

    /// <summary>A number in [0, 1) derived from the certificate's bytes.</summary>
    private static double Spread(X509Certificate2 certificate)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(certificate.RawDataMemory.Span, digest);
        return (BitConverter.ToUInt64(digest) >> 11) * (1.0 / (1UL << 53));
    }
}
