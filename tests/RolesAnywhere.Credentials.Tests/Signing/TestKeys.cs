using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.Tests.Signing;

/// <summary>
/// Key pairs with self-signed certificates, each generated once per test run (RSA-4096 generation is
/// slow), from which tests make as many independent <see cref="AsymmetricSigningKey"/> instances as they need.
/// </summary>
internal sealed class TestKeys
{
    private static readonly Lazy<TestKeys> LazyRsa2048 = new(() => CreateRsa(2048));
    private static readonly Lazy<TestKeys> LazyRsa4096 = new(() => CreateRsa(4096));
    private static readonly Lazy<TestKeys> LazyP256 = new(() => CreateEcdsa(ECCurve.NamedCurves.nistP256));
    private static readonly Lazy<TestKeys> LazyP384 = new(() => CreateEcdsa(ECCurve.NamedCurves.nistP384));
    private static readonly Lazy<TestKeys> LazyP521 = new(() => CreateEcdsa(ECCurve.NamedCurves.nistP521));

    private readonly byte[] _pkcs8;
    private readonly bool _isRsa;

    private TestKeys(AsymmetricAlgorithm key, X509Certificate2 certificate)
    {
        _pkcs8 = key.ExportPkcs8PrivateKey();
        _isRsa = key is RSA;
        Certificate = certificate;
    }

    public static TestKeys Rsa2048 => LazyRsa2048.Value;

    public static TestKeys Rsa4096 => LazyRsa4096.Value;

    public static TestKeys P256 => LazyP256.Value;

    public static TestKeys P384 => LazyP384.Value;

    public static TestKeys P521 => LazyP521.Value;

    /// <summary>Gets a self-signed certificate for the key pair (no private key attached).</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Creates a new software key over a private copy of the key pair.</summary>
    public AsymmetricSigningKey CreateKey()
    {
        if (_isRsa)
        {
            var rsa = RSA.Create();
            rsa.ImportPkcs8PrivateKey(_pkcs8, out _);
            return new AsymmetricSigningKey(rsa);
        }

        var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(_pkcs8, out _);
        return new AsymmetricSigningKey(ecdsa);
    }

    /// <summary>Issues a certificate for this key pair with the given serial number bytes (big-endian).</summary>
    public X509Certificate2 CreateCertificate(byte[] serialNumber, string subject = "CN=test-leaf")
    {
        using AsymmetricAlgorithm key = _isRsa ? RSA.Create() : ECDsa.Create();
        key.ImportPkcs8PrivateKey(_pkcs8, out _);
        CertificateRequest request = key is RSA rsa
            ? new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            : new CertificateRequest(subject, (ECDsa)key, HashAlgorithmName.SHA384);
        using X509Certificate2 withKey = request.Create(
            request.SubjectName,
            key is RSA r ? X509SignatureGenerator.CreateForRSA(r, RSASignaturePadding.Pkcs1) : X509SignatureGenerator.CreateForECDsa((ECDsa)key),
            DateTimeOffset.UtcNow.AddDays(-1),
            DateTimeOffset.UtcNow.AddDays(30),
            serialNumber);
        return X509CertificateLoader.LoadCertificate(withKey.RawData);
    }

    private static TestKeys CreateRsa(int size)
    {
        using var rsa = RSA.Create(size);
        var request = new CertificateRequest($"CN=rsa-{size}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using X509Certificate2 certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return new TestKeys(rsa, X509CertificateLoader.LoadCertificate(certificate.RawData));
    }

    private static TestKeys CreateEcdsa(ECCurve curve)
    {
        using var ecdsa = ECDsa.Create(curve);
        var request = new CertificateRequest($"CN=ecdsa-{ecdsa.KeySize}", ecdsa, HashAlgorithmName.SHA384);
        using X509Certificate2 certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return new TestKeys(ecdsa, X509CertificateLoader.LoadCertificate(certificate.RawData));
    }
}
