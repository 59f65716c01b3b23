using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RolesAnywhere.Credentials.Testing.Certificates;

/// <summary>
/// A small certificate authority for tests: root and intermediate CAs (RSA or EC) and client certificates
/// with chosen key types, serial numbers and validity, including certificates for keys that never leave
/// hardware (issued for a public key only).
/// </summary>
/// <example>
/// <code>
/// using var root = TestCertificateAuthority.CreateRoot(new TestCertificateOptions { SubjectName = "CN=Root", KeyType = TestKeyType.Rsa2048 });
/// using var issuing = root.CreateIntermediate();
/// using var client = issuing.IssueClientCertificate(new TestCertificateOptions { KeyType = TestKeyType.EcdsaP384 });
/// </code>
/// </example>
public sealed class TestCertificateAuthority : IDisposable
{
    private const string SubjectAlternativeNameOid = "2.5.29.17";

    private static readonly TimeSpan DefaultCaLifetime = TimeSpan.FromDays(3650);
    private static readonly TimeSpan DefaultClientLifetime = TimeSpan.FromDays(30);
    private static readonly TimeSpan Backdate = TimeSpan.FromHours(1);

    private readonly TimeProvider _timeProvider;

    private TestCertificateAuthority(X509Certificate2 certificate, TimeProvider timeProvider)
    {
        Certificate = certificate;
        _timeProvider = timeProvider;
    }

    /// <summary>Gets the CA certificate, with its private key. Give it to the emulator as a trust anchor, or send it in the chain header when it is an intermediate.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Creates a self-signed root CA.</summary>
    /// <param name="options">Subject (default <c>CN=Test Root CA</c>), key type (default P-256), serial and validity (default 10 years).</param>
    /// <param name="timeProvider">The clock for default validity dates, or <see langword="null"/> for the system clock.</param>
    /// <returns>The authority; dispose it when done.</returns>
    public static TestCertificateAuthority CreateRoot(TestCertificateOptions? options = null, TimeProvider? timeProvider = null)
    {
        options ??= new TestCertificateOptions();
        timeProvider ??= TimeProvider.System;
        using var key = KeyFactory.Create(options.KeyType);
        var request = KeyFactory.Request(options.SubjectName ?? "CN=Test Root CA", key);
        AddCaExtensions(request, pathLength: null);
        var (notBefore, notAfter) = Validity(options, timeProvider, DefaultCaLifetime);
        using var signed = CertificateEncoder.Create(request, request.SubjectName, KeyFactory.Generator(key), notBefore, notAfter, Serial(options));
        return new TestCertificateAuthority(KeyFactory.Attach(signed, key), timeProvider);
    }

    /// <summary>Creates an intermediate CA signed by this authority.</summary>
    /// <param name="options">Subject (default <c>CN=Test Intermediate CA</c>), key type (default P-256), serial and validity (default 10 years).</param>
    /// <returns>The intermediate authority; dispose it when done.</returns>
    public TestCertificateAuthority CreateIntermediate(TestCertificateOptions? options = null)
    {
        options ??= new TestCertificateOptions();
        using var key = KeyFactory.Create(options.KeyType);
        var request = KeyFactory.Request(options.SubjectName ?? "CN=Test Intermediate CA", key);
        AddCaExtensions(request, pathLength: 0);
        var certificate = Sign(request, options, DefaultCaLifetime);
        using (certificate)
        {
            return new TestCertificateAuthority(KeyFactory.Attach(certificate, key), _timeProvider);
        }
    }

    /// <summary>Issues a client certificate (digitalSignature, clientAuth) for a new key pair.</summary>
    /// <param name="options">Subject (default <c>CN=test-client</c>), key type (default P-256), serial and validity (default 30 days).</param>
    /// <returns>The certificate with its private key.</returns>
    public X509Certificate2 IssueClientCertificate(TestCertificateOptions? options = null)
    {
        options ??= new TestCertificateOptions();
        using var key = KeyFactory.Create(options.KeyType);
        var request = KeyFactory.Request(options.SubjectName ?? "CN=test-client", key);
        using var certificate = Sign(AddClientExtensions(request), options, DefaultClientLifetime);
        return KeyFactory.Attach(certificate, key);
    }

    /// <summary>Issues a client certificate for a public key whose private half lives elsewhere (a TPM, an HSM, a smart card).</summary>
    /// <param name="publicKey">The subject's public key.</param>
    /// <param name="options">Subject, serial and validity (the key type is ignored).</param>
    /// <returns>The certificate, without a private key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="publicKey"/> is <see langword="null"/>.</exception>
    public X509Certificate2 IssueCertificate(PublicKey publicKey, TestCertificateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        options ??= new TestCertificateOptions();
        var request = new CertificateRequest(new X500DistinguishedName(options.SubjectName ?? "CN=test-client"), publicKey, HashAlgorithmName.SHA256);
        return Sign(AddClientExtensions(request), options, DefaultClientLifetime);
    }

    /// <summary>Issues a client certificate for the public part of an RSA or ECDSA key (which may be public-only).</summary>
    /// <param name="publicKey">An <see cref="RSA"/> or <see cref="ECDsa"/> object.</param>
    /// <param name="options">Subject, serial and validity (the key type is ignored).</param>
    /// <returns>The certificate, without a private key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="publicKey"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="publicKey"/> is neither RSA nor ECDSA.</exception>
    public X509Certificate2 IssueCertificate(AsymmetricAlgorithm publicKey, TestCertificateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        if (publicKey is not (RSA or ECDsa))
        {
            throw new ArgumentException($"Only RSA and ECDsa keys are supported, got {publicKey.GetType().Name}.", nameof(publicKey));
        }

        return IssueCertificate(new PublicKey(publicKey), options);
    }

    /// <summary>Issues a client certificate for a DER-encoded SubjectPublicKeyInfo (as a TPM or PKCS#11 token exports it).</summary>
    /// <param name="subjectPublicKeyInfo">The DER SubjectPublicKeyInfo.</param>
    /// <param name="options">Subject, serial and validity (the key type is ignored).</param>
    /// <returns>The certificate, without a private key.</returns>
    /// <exception cref="CryptographicException"><paramref name="subjectPublicKeyInfo"/> is not a SubjectPublicKeyInfo.</exception>
    public X509Certificate2 IssueCertificate(ReadOnlySpan<byte> subjectPublicKeyInfo, TestCertificateOptions? options = null) =>
        IssueCertificate(PublicKey.CreateFromSubjectPublicKeyInfo(subjectPublicKeyInfo, out _), options);

    /// <summary>Issues a client certificate for a PKCS#10 request (its signature verified): its public key and subject alternative names, and its subject unless <paramref name="options"/> names another.</summary>
    /// <exception cref="CryptographicException">The request is malformed or its signature does not verify.</exception>
    internal X509Certificate2 IssueForSigningRequest(ReadOnlySpan<byte> signingRequest, TestCertificateOptions options)
    {
        var requested = CertificateRequest.LoadSigningRequest(signingRequest, HashAlgorithmName.SHA256, out _, CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions);
        var subject = options.SubjectName is null ? requested.SubjectName : new X500DistinguishedName(options.SubjectName);
        var request = new CertificateRequest(subject, requested.PublicKey, HashAlgorithmName.SHA256);
        foreach (var names in requested.CertificateExtensions.Where(e => e.Oid?.Value == SubjectAlternativeNameOid))
        {
            request.CertificateExtensions.Add(names);
        }

        return Sign(AddClientExtensions(request), options, DefaultClientLifetime);
    }

    /// <summary>Disposes the CA certificate and its private key.</summary>
    public void Dispose() => Certificate.Dispose();

    private X509Certificate2 Sign(CertificateRequest request, TestCertificateOptions options, TimeSpan defaultLifetime)
    {
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false));
        var (notBefore, notAfter) = Validity(options, _timeProvider, defaultLifetime);
        using var issuerKey = KeyFactory.PrivateKeyOf(Certificate);
        return CertificateEncoder.Create(request, Certificate.SubjectName, KeyFactory.Generator(issuerKey), notBefore, notAfter, Serial(options));
    }

    private static void AddCaExtensions(CertificateRequest request, int? pathLength)
    {
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, pathLength.HasValue, pathLength ?? 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
    }

    private static CertificateRequest AddClientExtensions(CertificateRequest request)
    {
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request;
    }

    private static (DateTimeOffset NotBefore, DateTimeOffset NotAfter) Validity(TestCertificateOptions options, TimeProvider timeProvider, TimeSpan lifetime)
    {
        var now = timeProvider.GetUtcNow();
        var notBefore = options.NotBefore ?? now - Backdate;
        var notAfter = options.NotAfter ?? now + lifetime;
        if (notAfter <= notBefore)
        {
            throw new ArgumentException($"NotAfter ({notAfter:O}) must be later than NotBefore ({notBefore:O}).", nameof(options));
        }

        return (notBefore, notAfter);
    }

    private static byte[] Serial(TestCertificateOptions options)
    {
        if (options.SerialNumber is { Length: > 0 } serial)
        {
            return serial;
        }

        var random = RandomNumberGenerator.GetBytes(16);
        random[0] = (byte)((random[0] & 0x7F) | 0x01);
        return random;
    }
}
