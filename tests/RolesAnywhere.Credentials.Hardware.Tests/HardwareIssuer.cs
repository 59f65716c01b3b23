using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.Testing.Certificates;

namespace RolesAnywhere.Credentials.Hardware.Tests;

/// <summary>
/// The one test CA of this run: it issues certificates for public keys whose private half stays in
/// hardware, and the emulator trusts it as a trust anchor in the end-to-end tests.
/// </summary>
internal static class HardwareIssuer
{
    private static readonly Lazy<TestCertificateAuthority> s_authority =
        new(() => TestCertificateAuthority.CreateRoot(new TestCertificateOptions { SubjectName = "CN=Hardware Tests Root" }));

    public static TestCertificateAuthority Authority => s_authority.Value;

    public static X509Certificate2 Issue(AsymmetricAlgorithm publicKey, string subject, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null) =>
        Authority.IssueCertificate(publicKey, new TestCertificateOptions
        {
            SubjectName = $"CN={subject}",
            NotBefore = notBefore,
            NotAfter = notAfter,
        });
}
