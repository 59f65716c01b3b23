using RolesAnywhere.Credentials.Renewal;

namespace RolesAnywhere.Credentials.Testing.Certificates;

/// <summary>
/// A <see cref="TestCertificateAuthority"/> as the CA of a certificate renewal, for tests of code that renews its
/// certificate (<see cref="CertificateRenewer"/>, <c>AddCertificateRenewal</c>): signs each request with the
/// authority's key, keeping the requested subject and subject alternative names, as a client certificate
/// (digitalSignature, clientAuth) valid for 30 days unless <see cref="TestCertificateOptions"/> say otherwise.
/// </summary>
/// <example>
/// <code>
/// using var ca = TestCertificateAuthority.CreateRoot();
/// var trustAnchorArn = emulator.AddTrustAnchor(ca.Certificate);
/// var renewer = new CertificateRenewer(new CertificateRenewalOptions
/// {
///     CertificatePath = "client.pem", PrivateKeyPath = "client.key", Issuer = new TestCertificateIssuer(ca),
/// });
/// </code>
/// </example>
public sealed class TestCertificateIssuer : ICertificateIssuer
{
    private readonly TestCertificateAuthority _authority;
    private readonly TestCertificateOptions _options;
    private int _issued;

    /// <summary>Initializes a new instance that signs with <paramref name="authority"/>.</summary>
    /// <param name="authority">The CA; it must outlive the issuer.</param>
    /// <param name="options">
    /// What the CA changes, to test how a renewal copes: <see cref="TestCertificateOptions.SubjectName"/> replaces the
    /// requested subject, <see cref="TestCertificateOptions.NotBefore"/>/<see cref="TestCertificateOptions.NotAfter"/>
    /// and <see cref="TestCertificateOptions.SerialNumber"/> set those of every certificate; <see langword="null"/> to
    /// issue what was requested, valid from an hour ago for 30 days, with a random serial.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="authority"/> is <see langword="null"/>.</exception>
    public TestCertificateIssuer(TestCertificateAuthority authority, TestCertificateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(authority);
        _authority = authority;
        _options = options ?? new TestCertificateOptions();
    }

    /// <summary>Gets how many certificates this issuer has signed.</summary>
    public int IssuedCount => Volatile.Read(ref _issued);

    /// <summary>Signs <paramref name="request"/> (its signature is verified first).</summary>
    /// <param name="request">The certificate signing request.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The certificate; no chain (an intermediate authority's own certificate is the caller's to provide).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="CertificateRenewalException">The request is not a validly signed PKCS#10 request.</exception>
    public Task<IssuedCertificate> IssueAsync(CertificateSigningRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        System.Security.Cryptography.X509Certificates.X509Certificate2 certificate;
        try
        {
            certificate = _authority.IssueForSigningRequest(request.Der.Span, _options);
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            throw new CertificateRenewalException(CertificateRenewalStage.Issuance, $"The test CA '{_authority.Certificate.Subject}' refused the request: {ex.Message}", ex);
        }

        Interlocked.Increment(ref _issued);
        return Task.FromResult(new IssuedCertificate(certificate));
    }
}
