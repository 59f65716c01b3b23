using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace RolesAnywhere.Credentials.Tests.Identity;

/// <summary>
/// Keys and certificates made once per test class with <see cref="CertificateRequest"/> (a root CA,
/// an intermediate CA and leaves for every supported key type), written to a temporary directory in
/// every form the loaders read.
/// </summary>
public sealed class KeyMaterialFixture : IDisposable
{
    public const string Password = "correct horse battery staple";

    public KeyMaterialFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "ra-keys-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Now = DateTimeOffset.UtcNow;

        RootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Root = CreateCa("CN=Test Root CA", RootKey, issuer: null, issuerKey: null);
        IntermediateKey = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        Intermediate = CreateCa("CN=Test Issuing CA", IntermediateKey, Root, RootKey);

        Rsa = RSA.Create(2048);
        RsaLeaf = CreateLeaf(new CertificateRequest("CN=rsa-workload", Rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        P256 = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        P256Leaf = CreateLeaf(new CertificateRequest("CN=p256-workload", P256, HashAlgorithmName.SHA256));
        P384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        P384Leaf = CreateLeaf(new CertificateRequest("CN=p384-workload", P384, HashAlgorithmName.SHA256));
        P521 = ECDsa.Create(ECCurve.NamedCurves.nistP521);
        P521Leaf = CreateLeaf(new CertificateRequest("CN=p521-workload", P521, HashAlgorithmName.SHA256));
        OtherP256 = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    }

    public string Directory { get; }

    public DateTimeOffset Now { get; }

    public ECDsa RootKey { get; }

    public X509Certificate2 Root { get; }

    public ECDsa IntermediateKey { get; }

    public X509Certificate2 Intermediate { get; }

    public RSA Rsa { get; }

    public X509Certificate2 RsaLeaf { get; }

    public ECDsa P256 { get; }

    public X509Certificate2 P256Leaf { get; }

    public ECDsa P384 { get; }

    public X509Certificate2 P384Leaf { get; }

    public ECDsa P521 { get; }

    public X509Certificate2 P521Leaf { get; }

    /// <summary>A P-256 key that belongs to no certificate.</summary>
    public ECDsa OtherP256 { get; }

    /// <summary>Writes text to a new file in the fixture's directory and returns its path.</summary>
    public string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    /// <summary>Writes bytes to a new file in the fixture's directory and returns its path.</summary>
    public string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Issues a leaf under the intermediate CA; <paramref name="configure"/> may add or replace extensions.</summary>
    public X509Certificate2 CreateLeaf(CertificateRequest request, Action<CertificateRequest>? configure = null, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        if (configure is null)
        {
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        }
        else
        {
            configure(request);
        }

        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var serial = new byte[9];
        RandomNumberGenerator.Fill(serial);
        serial[0] |= 0x80; // a serial whose high bit is set, as real CAs often issue
        return request.Create(Intermediate.SubjectName, X509SignatureGenerator.CreateForECDsa(IntermediateKey), notBefore ?? Now.AddDays(-1), notAfter ?? Now.AddDays(30), serial);
    }

    public void Dispose()
    {
        foreach (var disposable in new IDisposable[] { RootKey, Root, IntermediateKey, Intermediate, Rsa, RsaLeaf, P256, P256Leaf, P384, P384Leaf, P521, P521Leaf, OtherP256 })
        {
            disposable.Dispose();
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private X509Certificate2 CreateCa(string subject, ECDsa key, X509Certificate2? issuer, ECDsa? issuerKey)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        if (issuer is null)
        {
            return request.CreateSelfSigned(Now.AddDays(-10), Now.AddYears(5));
        }

        return request.Create(issuer.SubjectName, X509SignatureGenerator.CreateForECDsa(issuerKey!), Now.AddDays(-5), Now.AddYears(2), [1, 2, 3, 4]);
    }
}
