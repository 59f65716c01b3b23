using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RolesAnywhere.Credentials.Hardware.Tests;

/// <summary>Issues test certificates for public keys whose private half stays in hardware.</summary>
internal static class LocalIssuer
{
    private static readonly Lazy<(X509Certificate2 Certificate, ECDsa Key)> s_root = new(CreateRoot);

    public static X509Certificate2 Root => s_root.Value.Certificate;

    public static X509Certificate2 Issue(AsymmetricAlgorithm publicKey, string subject, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        var request = publicKey switch
        {
            RSA rsa => new CertificateRequest($"CN={subject}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            ECDsa ecdsa => new CertificateRequest($"CN={subject}", ecdsa, HashAlgorithmName.SHA256),
            _ => throw new ArgumentException("RSA or ECDSA expected.", nameof(publicKey)),
        };
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        var now = DateTimeOffset.UtcNow;
        var root = s_root.Value;
        var issued = request.Create(root.Certificate.SubjectName, X509SignatureGenerator.CreateForECDsa(root.Key), notBefore ?? now.AddMinutes(-5), notAfter ?? now.AddDays(30), serial);
        return issued;
    }

    private static (X509Certificate2, ECDsa) CreateRoot()
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Hardware Tests Root", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = DateTimeOffset.UtcNow;
        return (request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1)), key);
    }
}
