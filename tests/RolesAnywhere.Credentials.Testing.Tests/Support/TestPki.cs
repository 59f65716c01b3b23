using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.Testing.Certificates;

namespace RolesAnywhere.Credentials.Testing.Tests.Support;

/// <summary>Certificates made once per test run (key generation is the slow part on 2 cores).</summary>
internal static class TestPki
{
    private static readonly Lazy<TestCertificateAuthority> LazyRsaRoot = new(() =>
        TestCertificateAuthority.CreateRoot(new TestCertificateOptions { SubjectName = "CN=Emulator Test Root RSA", KeyType = TestKeyType.Rsa2048 }));

    private static readonly Lazy<TestCertificateAuthority> LazyEcRoot = new(() =>
        TestCertificateAuthority.CreateRoot(new TestCertificateOptions { SubjectName = "CN=Emulator Test Root EC", KeyType = TestKeyType.EcdsaP384 }));

    private static readonly Lazy<TestCertificateAuthority> LazyIssuing = new(() =>
        RsaRoot.CreateIntermediate(new TestCertificateOptions { SubjectName = "CN=Emulator Test Issuing", KeyType = TestKeyType.EcdsaP256 }));

    private static readonly Lazy<TestCertificateAuthority> LazyOtherRoot = new(() =>
        TestCertificateAuthority.CreateRoot(new TestCertificateOptions { SubjectName = "CN=Untrusted Root" }));

    private static readonly Lazy<X509Certificate2> LazyEcLeaf = new(() =>
        EcRoot.IssueClientCertificate(new TestCertificateOptions { SubjectName = "CN=ec-client", KeyType = TestKeyType.EcdsaP256 }));

    private static readonly Lazy<X509Certificate2> LazyRsaLeaf = new(() =>
        RsaRoot.IssueClientCertificate(new TestCertificateOptions { SubjectName = "CN=rsa-client", KeyType = TestKeyType.Rsa2048 }));

    private static readonly Lazy<X509Certificate2> LazyChainedLeaf = new(() =>
        Issuing.IssueClientCertificate(new TestCertificateOptions { SubjectName = "CN=chained-client", KeyType = TestKeyType.EcdsaP256 }));

    public static TestCertificateAuthority RsaRoot => LazyRsaRoot.Value;

    public static TestCertificateAuthority EcRoot => LazyEcRoot.Value;

    /// <summary>An intermediate under <see cref="RsaRoot"/>.</summary>
    public static TestCertificateAuthority Issuing => LazyIssuing.Value;

    public static TestCertificateAuthority OtherRoot => LazyOtherRoot.Value;

    /// <summary>P-256 leaf directly under <see cref="EcRoot"/>.</summary>
    public static X509Certificate2 EcLeaf => LazyEcLeaf.Value;

    /// <summary>RSA-2048 leaf directly under <see cref="RsaRoot"/>.</summary>
    public static X509Certificate2 RsaLeaf => LazyRsaLeaf.Value;

    /// <summary>P-256 leaf under <see cref="Issuing"/> (needs the chain header).</summary>
    public static X509Certificate2 ChainedLeaf => LazyChainedLeaf.Value;
}
