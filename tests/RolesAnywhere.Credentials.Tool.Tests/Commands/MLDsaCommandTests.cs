using System.Numerics;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using RolesAnywhere.Credentials.TestSupport;
using RolesAnywhere.Credentials.Tool.Tests.Support;

namespace RolesAnywhere.Credentials.Tool.Tests.Commands;

/// <summary><c>read-certificate-data</c> and <c>sign-string</c> with ML-DSA certificates and keys (tests/vectors/mldsa, made by Python cryptography).</summary>
public sealed class MLDsaCommandTests
{
    private static readonly byte[] Data = Encoding.ASCII.GetBytes("AWS4-X509-MLDSA\n20270315T081500Z\n20270315/eu-west-1/rolesanywhere/aws4_request\n" + new string('c', 64));

    [Theory]
    [InlineData(44)]
    [InlineData(65)]
    [InlineData(87)]
    public async Task ReadCertificateData_MLDsaCertificate_ParameterSetAsKeyTypeLikeTheHelper(int bits)
    {
        using var certificate = X509Certificate2.CreateFromPem(TestVectors.ReadText($"mldsa/mldsa{bits}-leaf.pem"));

        var run = await ToolRun.RunAsync(["read-certificate-data", "--certificate", TestVectors.PathOf($"mldsa/mldsa{bits}-leaf.pem")]);

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var json = JsonDocument.Parse(run.StdoutText);
        Assert.Equal($"ML-DSA-{bits}", json.RootElement.GetProperty("keyType").GetString());
        Assert.Equal([$"ML-DSA-{bits}"], json.RootElement.GetProperty("supportedAlgorithms").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(new BigInteger(certificate.SerialNumberBytes.Span, isUnsigned: true, isBigEndian: true).ToString(System.Globalization.CultureInfo.InvariantCulture), json.RootElement.GetProperty("serialNumber").GetString());
        Assert.Equal(Convert.ToBase64String(certificate.RawData), json.RootElement.GetProperty("certificateData").GetString());
    }

    [Theory]
    [InlineData(44, "mldsa/mldsa44-leaf.key", "mldsa/mldsa44-leaf.pem")]
    [InlineData(65, "mldsa/helper-1.8/mldsa65-both.pem", "mldsa/helper-1.8/mldsa65-cert.pem")]
    [InlineData(87, "mldsa/helper-1.8/mldsa87-expanded.pem", "mldsa/helper-1.8/mldsa87-cert.pem")]
    public async Task SignString_MLDsaKey_PureSignatureOverTheInputDeterministic(int bits, string key, string certificatePath)
    {
        using var certificate = X509Certificate2.CreateFromPem(TestVectors.ReadText(certificatePath));

        var first = await ToolRun.RunAsync(["sign-string", "--private-key", TestVectors.PathOf(key), "--format", "bin"], stdin: Data);
        var second = await ToolRun.RunAsync(["sign-string", "--private-key", TestVectors.PathOf(key), "--format", "text"], stdin: Data);

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Equal(MLDsaVerification.SignatureSize(certificate), first.Stdout.Length);
        Assert.True(MLDsaVerification.Verify(certificate, Data, first.Stdout), $"ML-DSA-{bits} signature does not verify");
        Assert.Equal(Convert.ToHexStringLower(first.Stdout), second.StdoutText);
    }

    [Fact]
    public async Task SignString_MLDsaKeyWithSha384_RefusedDigestDoesNotApply()
    {
        var run = await ToolRun.RunAsync(["sign-string", "--private-key", TestVectors.PathOf("mldsa/mldsa65-leaf.key"), "--digest", "SHA384"], stdin: Data);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Contains("does not apply to ML-DSA keys", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignString_TruncatedMLDsaKey_NamesTheFile()
    {
        string pem = TestVectors.ReadText("mldsa/helper-1.8/mldsa44-both.pem");
        string truncated = Path.Combine(Path.GetTempPath(), $"mldsa-truncated-{Guid.NewGuid():N}.pem");
        File.WriteAllText(truncated, pem[..(pem.Length / 2)] + "\n-----END PRIVATE KEY-----\n");
        try
        {
            var run = await ToolRun.RunAsync(["sign-string", "--private-key", truncated], stdin: Data);

            Assert.NotEqual(0, run.ExitCode);
            Assert.Contains(truncated, run.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(truncated);
        }
    }
}
