using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Time.Testing;
using RolesAnywhere.Credentials.Authorization.Certificates;
using RolesAnywhere.Credentials.TestSupport;

namespace RolesAnywhere.Credentials.Authorization.Tests.Certificates;

/// <summary>
/// ML-DSA certificates (tests/vectors/mldsa, made by Python cryptography) with a trust anchor: where the platform's chain
/// builder has no ML-DSA (OpenSSL before 3.5, as on this machine) the chain is reported as not checked, with the reason;
/// before, <c>rolesanywhere inspect</c> stopped with OpenSSL's "unable to get certs public key".
/// </summary>
public sealed class MLDsaChainTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

    // .NET 10 asks the platform (MLDsa.IsSupported: OpenSSL 3.5+ or CNG); .NET 8 has no MLDsa type to ask, and the
    // machines its suite runs on (OpenSSL 3.0) have none: a machine with OpenSSL 3.5 fails the net8.0 run here, visibly.
#if NET10_0_OR_GREATER
    private static bool PlatformHasMLDsa => MLDsa.IsSupported;
#else
    private static bool PlatformHasMLDsa => false;
#endif

    [Theory]
    [InlineData(44)]
    [InlineData(65)]
    [InlineData(87)]
    public void Check_MLDsaLeafAndTrustAnchor_ChainValidOrNotCheckedNamingMLDsa(int bits)
    {
        using var leaf = X509Certificate2.CreateFromPem(TestVectors.ReadText($"mldsa/mldsa{bits}-leaf.pem"));
        using var root = X509Certificate2.CreateFromPem(TestVectors.ReadText($"mldsa/mldsa{bits}-root.pem"));

        var report = CertificateRequirements.Check(leaf, new CertificateCheckOptions { TrustAnchor = root, RevocationList = [0x30, 0x00], TimeProvider = _clock });

        if (PlatformHasMLDsa)
        {
            Assert.True(report.ChainValid);
            return;
        }

        Assert.Null(report.ChainValid);
        Assert.False(report.HasErrors, string.Join("; ", report.Problems.Select(p => p.Message)));
        var chain = Assert.Single(report.Problems, p => p.Message.StartsWith("The chain from", StringComparison.Ordinal));
        Assert.Equal(ProblemSeverity.Warning, chain.Severity);
        Assert.Contains($"'CN=mldsa{bits}-", chain.Message, StringComparison.Ordinal);
        Assert.Contains("uses ML-DSA", chain.Message, StringComparison.Ordinal);
        Assert.Contains(report.Problems, p => p.Certificate == "CRL" && p.Message.Contains("not checked either", StringComparison.Ordinal));
    }
}
