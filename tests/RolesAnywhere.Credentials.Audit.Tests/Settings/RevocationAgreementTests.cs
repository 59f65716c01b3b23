using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Time.Testing;
using RolesAnywhere.Credentials.Audit.Settings;
using RolesAnywhere.Credentials.Authorization.Certificates;

namespace RolesAnywhere.Credentials.Audit.Tests.Settings;

/// <summary>
/// One CRL reader, every consumer: on a CRL written by .NET's own CertificateRevocationListBuilder (not by this project),
/// <c>inspect</c> (CertificateRequirements), <c>audit --crl</c> (RevocationList) and the reader itself agree on every serial,
/// high-bit and short ones included, and on the revocation dates.
/// </summary>
public sealed class RevocationAgreementTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void InspectAuditAndReader_AgreeOnEverySerial()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=CRL CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var ca = caRequest.CreateSelfSigned(Now.AddYears(-1), Now.AddYears(1));

        byte[][] revokedSerials = [[0x9F, 0x01, 0x02], [0x05], [0x10, 0x20, 0x30, 0x40]];
        byte[][] goodSerials = [[0x9F, 0x01, 0x03], [0x06]];
        var builder = new CertificateRevocationListBuilder();
        for (var i = 0; i < revokedSerials.Length; i++)
        {
            builder.AddEntry(revokedSerials[i], Now.AddDays(-i - 1));
        }

        var crlBytes = builder.Build(ca, 1, Now.AddDays(7), HashAlgorithmName.SHA256, thisUpdate: Now.AddHours(-1));
        var reader = CertificateRevocationList.Parse(crlBytes);
        var audit = new RevocationList();
        audit.Add(crlBytes, "ca.crl");

        Assert.True(reader.IsSignedBy(ca));
        foreach (var (serial, revoked) in revokedSerials.Select(s => (s, true)).Concat(goodSerials.Select(s => (s, false))))
        {
            using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=leaf", leafKey, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
            using var leaf = request.Create(ca, Now.AddDays(-10), Now.AddDays(30), serial);

            var inspect = CertificateRequirements.Check(leaf, new CertificateCheckOptions { TrustAnchor = ca, RevocationList = crlBytes, TimeProvider = new FakeTimeProvider(Now) });
            var number = CertificateSerialNumber.FromCertificate(leaf);

            Assert.Equal(revoked, reader.IsRevoked(leaf));
            Assert.Equal(revoked, audit.TryGet(number, out var revokedAt, out var source));
            Assert.Equal(revoked, inspect.Problems.Any(p => p.Message.Contains("revoked", StringComparison.OrdinalIgnoreCase)));
            if (revoked)
            {
                Assert.Equal(reader.Revoked[number], revokedAt);
                Assert.Equal("ca.crl", source);
            }
        }
    }
}
