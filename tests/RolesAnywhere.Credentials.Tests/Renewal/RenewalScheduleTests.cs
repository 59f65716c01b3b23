using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.Renewal;

namespace RolesAnywhere.Credentials.Tests.Renewal;

public sealed class RenewalScheduleTests
{
    private static readonly DateTimeOffset NotBefore = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void DueAt_ManyCertificates_SpreadWithinJitterAroundTwoThirds_StablePerCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var fractions = new List<double>();
        for (var i = 0; i < 200; i++)
        {
            using var certificate = Issue(key, TimeSpan.FromDays(90));
            var due = RenewalSchedule.DueAt(certificate, CertificateRenewalOptions.DefaultRenewAt, CertificateRenewalOptions.DefaultJitter);
            Assert.Equal(due, RenewalSchedule.DueAt(certificate, CertificateRenewalOptions.DefaultRenewAt, CertificateRenewalOptions.DefaultJitter));
            fractions.Add((due - NotBefore) / TimeSpan.FromDays(90));
        }

        Assert.All(fractions, f => Assert.InRange(f, (2.0 / 3) - 0.05, (2.0 / 3) + 0.05));
        // Spread, not bunched: the fleet's due times cover most of the jitter window.
        Assert.True(fractions.Max() - fractions.Min() > 0.08, $"due fractions span only {fractions.Max() - fractions.Min():0.000}");
    }

    [Fact]
    public void DueAt_NoJitter_ExactFraction()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = Issue(key, TimeSpan.FromDays(30));

        Assert.Equal(NotBefore.AddDays(15), RenewalSchedule.DueAt(certificate, 0.5, 0));
    }

    [Fact]
    public void DueAt_FractionAndJitterPastTheEnd_ClampedBeforeExpiry()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = Issue(key, TimeSpan.FromDays(100));

        Assert.True(RenewalSchedule.DueAt(certificate, 0.99, 0.2) <= NotBefore.AddDays(98));
    }

    private static X509Certificate2 Issue(ECDsa key, TimeSpan lifetime) =>
        new CertificateRequest("CN=fleet member", key, HashAlgorithmName.SHA256).CreateSelfSigned(NotBefore, NotBefore + lifetime);
}
