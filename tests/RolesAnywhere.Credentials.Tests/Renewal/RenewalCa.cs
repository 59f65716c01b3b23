using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RolesAnywhere.Credentials.Tests.Renewal;

/// <summary>A CA made for one test: a self-signed EC P-256 root whose certificate and PKCS#8 key are files openssl and cfssl use.</summary>
public sealed class RenewalCa : IDisposable
{
    private readonly ECDsa _key;

    private RenewalCa(string folder, string name, ECDsa key, X509Certificate2 certificate)
    {
        Folder = folder;
        _key = key;
        Certificate = certificate;
        CertificatePath = Path.Combine(folder, name + ".pem");
        KeyPath = Path.Combine(folder, name + ".key");
        File.WriteAllText(CertificatePath, certificate.ExportCertificatePem() + "\n");
        File.WriteAllText(KeyPath, key.ExportPkcs8PrivateKeyPem() + "\n");
    }

    public string Folder { get; }

    public X509Certificate2 Certificate { get; }

    public string CertificatePath { get; }

    public string KeyPath { get; }

    public static RenewalCa Create(string folder, string name)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}, O=Renewal Tests", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        var certificate = request.CreateSelfSigned(now.AddDays(-400), now.AddDays(400));
        return new RenewalCa(folder, name, key, certificate);
    }

    /// <summary>Issues a client certificate for <paramref name="subjectKey"/> valid from <paramref name="notBefore"/> to <paramref name="notAfter"/>, with two SANs (a DNS name, and a URI or else an IP address).</summary>
    public X509Certificate2 Issue(AsymmetricAlgorithm subjectKey, DateTimeOffset notBefore, DateTimeOffset notAfter, string subject = "CN=workload, O=Renewal Tests", bool uriName = true)
    {
        var request = subjectKey switch
        {
            ECDsa ec => new CertificateRequest(subject, ec, HashAlgorithmName.SHA256),
            RSA rsa => new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            _ => throw new ArgumentException("RSA or ECDSA only", nameof(subjectKey)),
        };
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("workload.example.internal");
        if (uriName)
        {
            names.AddUri(new Uri("spiffe://example.internal/workload"));
        }
        else
        {
            names.AddIpAddress(System.Net.IPAddress.Parse("192.0.2.10"));
        }

        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        var signer = X509SignatureGenerator.CreateForECDsa(_key);
        return request.Create(Certificate.SubjectName, signer, notBefore, notAfter, serial);
    }

    public void Dispose()
    {
        Certificate.Dispose();
        _key.Dispose();
    }
}
