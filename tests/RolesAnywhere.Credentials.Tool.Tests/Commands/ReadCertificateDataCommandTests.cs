using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using RolesAnywhere.Credentials.Tool.Tests.Support;

namespace RolesAnywhere.Credentials.Tool.Tests.Commands;

public sealed class ReadCertificateDataCommandTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task PemCertificateWithHighBitSerial_DescribedWithUnsignedDecimalSerial()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=tool-test", key, HashAlgorithmName.SHA256);
        byte[] serial = [0x9F, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07];
        using var certificate = request.Create(request.SubjectName, X509SignatureGenerator.CreateForECDsa(key), DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30), serial);
        await File.WriteAllTextAsync(directory.File("c.pem"), certificate.ExportCertificatePem(), TestContext.Current.CancellationToken);

        var run = await ToolRun.RunAsync(["read-certificate-data", "--certificate", directory.File("c.pem")]);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.StdoutText);
        var root = json.RootElement;
        Assert.Equal("EC", root.GetProperty("keyType").GetString());
        Assert.Equal(Convert.ToBase64String(certificate.RawData), root.GetProperty("certificateData").GetString());
        Assert.Equal(new BigInteger(serial, isUnsigned: true, isBigEndian: true).ToString(System.Globalization.CultureInfo.InvariantCulture), root.GetProperty("serialNumber").GetString());
        Assert.Equal("CN=tool-test", root.GetProperty("subject").GetString());
        Assert.Contains("SHA256WITHECDSA", root.GetProperty("supportedAlgorithms").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task CertificateWithCertSelector_RefusedWithHint()
    {
        var run = await ToolRun.RunAsync(["read-certificate-data", "--certificate", "c.pem", "--cert-selector", "Key=x509Subject,Value=CN=a"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--certificate cannot be combined with --cert-selector", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoCertificateNamed_UsageErrorListingTheSources()
    {
        var run = await ToolRun.RunAsync(["read-certificate-data"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--certificate (a file or pkcs11: URI) or --cert-selector (the OS certificate store) is required", run.Stderr, StringComparison.Ordinal);
    }
}
