using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Time.Testing;
using RolesAnywhere.Credentials.Authorization.Certificates;
using RolesAnywhere.Credentials.Authorization.Tests.Support;

namespace RolesAnywhere.Credentials.Authorization.Tests.Certificates;

/// <summary>
/// The certificate requirements of https://docs.aws.amazon.com/rolesanywhere/latest/userguide/trust-model.html (X.509 v3,
/// end-entity CA:false with digitalSignature, CA certificates CA:true, SHA-256 or stronger, validity, chain, CRL).
/// </summary>
public sealed class CertificateRequirementsTests : IDisposable
{
    private readonly X509Certificate2 _root = TestCertificates.Root("CN=Root CA");
    private readonly FakeTimeProvider _clock = new(TestCertificates.Now);

    public void Dispose() => _root.Dispose();

    [Fact]
    public void Check_GoodCertificateAndChain_NoProblemChainValid()
    {
        using var intermediate = TestCertificates.Intermediate(_root, "CN=Issuing CA");
        using var leaf = TestCertificates.Issue(intermediate, "CN=db-1");

        var report = CertificateRequirements.Check(leaf, new CertificateCheckOptions { Intermediates = [intermediate], TrustAnchor = _root, TimeProvider = _clock });

        Assert.Empty(report.Problems);
        Assert.True(report.ChainValid);
    }

    [Fact]
    public void Check_IntermediateAsTrustAnchor_ChainValid()
    {
        using var intermediate = TestCertificates.Intermediate(_root, "CN=Issuing CA");
        using var leaf = TestCertificates.Issue(intermediate, "CN=db-1");

        Assert.True(CertificateRequirements.Check(leaf, new CertificateCheckOptions { TrustAnchor = intermediate, TimeProvider = _clock }).ChainValid);
    }

    [Fact]
    public void Check_MissingIntermediate_ChainInvalidWithFix()
    {
        using var intermediate = TestCertificates.Intermediate(_root, "CN=Issuing CA");
        using var leaf = TestCertificates.Issue(intermediate, "CN=db-1");

        var report = CertificateRequirements.Check(leaf, new CertificateCheckOptions { TrustAnchor = _root, TimeProvider = _clock });

        Assert.False(report.ChainValid);
        Assert.Contains(report.Problems, p => p.Severity == ProblemSeverity.Error && p.Fix.Contains("intermediate", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_CaCertificateAsLeaf_Error()
    {
        var report = CertificateRequirements.Check(_root, new CertificateCheckOptions { TimeProvider = _clock });

        Assert.Contains(report.Problems, p => p.Severity == ProblemSeverity.Error && p.Message.Contains("CA:true", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_KeyUsageWithoutDigitalSignature_Error()
    {
        using var leaf = TestCertificates.Issue(_root, "CN=enc", r => r.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment, true)), endEntityExtensions: false);

        var report = CertificateRequirements.Check(leaf, new CertificateCheckOptions { TimeProvider = _clock });

        Assert.True(report.HasErrors);
        Assert.Contains(report.Problems, p => p.Message.Contains("digitalSignature", StringComparison.Ordinal) && p.Severity == ProblemSeverity.Error);
        Assert.Contains(report.Problems, p => p.Message.Contains("no basic constraints", StringComparison.Ordinal) && p.Severity == ProblemSeverity.Warning);
    }

    [Fact]
    public void Check_Sha1Signature_Error()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=old", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        using var leaf = request.Create(new X500DistinguishedName("CN=old"), new Sha1RsaSignatureGenerator(rsa), TestCertificates.Now.AddDays(-1), TestCertificates.Now.AddDays(10), [1, 2, 3]);

        var report = CertificateRequirements.Check(leaf, new CertificateCheckOptions { TimeProvider = _clock });

        Assert.Contains(report.Problems, p => p.Severity == ProblemSeverity.Error && p.Message.Contains("sha1WithRSAEncryption", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.Severity == ProblemSeverity.Warning && p.Message.Contains("expires", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(-10, -1, "expired")]
    [InlineData(1, 30, "not valid before")]
    public void Check_OutsideValidity_Error(int fromDays, int toDays, string message)
    {
        using var leaf = TestCertificates.Issue(_root, "CN=db-1", notBefore: TestCertificates.Now.AddDays(fromDays), notAfter: TestCertificates.Now.AddDays(toDays));

        var report = CertificateRequirements.Check(leaf, new CertificateCheckOptions { TrustAnchor = _root, TimeProvider = _clock });

        Assert.Contains(report.Problems, p => p.Severity == ProblemSeverity.Error && p.Message.Contains(message, StringComparison.Ordinal));
        Assert.False(report.ChainValid);
    }

    [Fact]
    public void Check_RevokedByCrl_ErrorAndChainInvalid()
    {
        using var leaf = TestCertificates.Issue(_root, "CN=db-1");
        using var other = TestCertificates.Issue(_root, "CN=db-2");
        var crl = Crl(_root, TestCertificates.Key, leaf);

        var revoked = CertificateRequirements.Check(leaf, new CertificateCheckOptions { TrustAnchor = _root, RevocationList = crl, TimeProvider = _clock });
        var fine = CertificateRequirements.Check(other, new CertificateCheckOptions { TrustAnchor = _root, RevocationList = PemCrl(crl), TimeProvider = _clock });

        Assert.False(revoked.ChainValid);
        Assert.Contains(revoked.Problems, p => p.Severity == ProblemSeverity.Error && p.Message.Contains("revoked", StringComparison.Ordinal));
        Assert.True(fine.ChainValid);
        Assert.Empty(fine.Problems);
    }

    [Fact]
    public void Check_CrlSignedByAnotherKey_Error()
    {
        using var leaf = TestCertificates.Issue(_root, "CN=db-1");
        using var impostorKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var impostor = TestCertificates.Root("CN=Root CA", impostorKey);

        var report = CertificateRequirements.Check(leaf, new CertificateCheckOptions { TrustAnchor = _root, RevocationList = Crl(impostor, impostorKey), TimeProvider = _clock });

        Assert.False(report.ChainValid);
        Assert.Contains(report.Problems, p => p.Certificate == "CRL" && p.Message.Contains("not signed", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_GarbageCrl_ErrorNamesTheFormat()
    {
        using var leaf = TestCertificates.Issue(_root, "CN=db-1");

        var report = CertificateRequirements.Check(leaf, new CertificateCheckOptions { TrustAnchor = _root, RevocationList = [.. "not a crl"u8], TimeProvider = _clock });

        Assert.Contains(report.Problems, p => p.Certificate == "CRL" && p.Message.Contains("DER or PEM", StringComparison.Ordinal));
    }

    private static byte[] Crl(X509Certificate2 issuer, ECDsa key, params X509Certificate2[] revoked)
    {
        var builder = new CertificateRevocationListBuilder();
        foreach (var certificate in revoked)
        {
            builder.AddEntry(certificate, TestCertificates.Now.AddHours(-1));
        }

        using var signer = issuer.HasPrivateKey ? X509CertificateLoader.LoadPkcs12(issuer.Export(X509ContentType.Pkcs12), null) : issuer.CopyWithPrivateKey(key);
        return builder.Build(signer, 1, TestCertificates.Now.AddDays(7), HashAlgorithmName.SHA256, thisUpdate: TestCertificates.Now.AddHours(-1));
    }

    private static byte[] PemCrl(byte[] der) => System.Text.Encoding.ASCII.GetBytes(PemEncoding.WriteString("X509 CRL", der));
}
