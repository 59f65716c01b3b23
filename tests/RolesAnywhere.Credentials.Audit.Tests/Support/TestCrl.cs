using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RolesAnywhere.Credentials.Audit.Tests.Support;

/// <summary>Real CRLs signed by a throwaway CA (the BCL's <see cref="CertificateRevocationListBuilder"/>), as DER or PEM.</summary>
internal static class TestCrl
{
    private static readonly Lazy<X509Certificate2> Authority = new(() =>
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Audit Test CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.KeyCertSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    });

    public static byte[] Der(params (string HexSerial, DateTimeOffset RevokedAt)[] entries)
    {
        var builder = new CertificateRevocationListBuilder();
        foreach (var (serial, revokedAt) in entries)
        {
            builder.AddEntry(Convert.FromHexString(serial.Length % 2 == 0 ? serial : "0" + serial), revokedAt);
        }

        var ca = Authority.Value;
        return builder.Build(ca, BigInteger.One, DateTimeOffset.UtcNow.AddDays(7), HashAlgorithmName.SHA256, thisUpdate: DateTimeOffset.UtcNow.AddMinutes(-1));
    }

    public static string Pem(params (string HexSerial, DateTimeOffset RevokedAt)[] entries) =>
        new string(PemEncoding.Write("X509 CRL", Der(entries)));
}
