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
    public async Task Pkcs12WithCaFirst_DescribesTheLeafWhoseKeyItHolds()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=bundle CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(60));
        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var leafRequest = new CertificateRequest("CN=bundle leaf", leafKey, HashAlgorithmName.SHA256);
        using var leafOnly = leafRequest.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30), [0x01, 0x02, 0x03]);
        using var leaf = leafOnly.CopyWithPrivateKey(leafKey);
        using var caPublic = X509CertificateLoader.LoadCertificate(ca.RawData);
        var bundle = new X509Certificate2Collection { caPublic, leaf };
        await File.WriteAllBytesAsync(directory.File("bundle.p12"), bundle.Export(X509ContentType.Pkcs12, "pw")!, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(directory.File("bundle.pem"), ca.ExportCertificatePem() + "\n" + leafOnly.ExportCertificatePem(), TestContext.Current.CancellationToken);

        var p12 = await ToolRun.RunAsync(["read-certificate-data", "--certificate", directory.File("bundle.p12"), "--pkcs8-password", "pw"]);
        var pem = await ToolRun.RunAsync(["read-certificate-data", "--certificate", directory.File("bundle.pem")]);

        foreach (var run in new[] { p12, pem })
        {
            Assert.True(run.ExitCode == 0, run.Stderr);
            using var json = JsonDocument.Parse(run.StdoutText);
            Assert.Equal("CN=bundle leaf", json.RootElement.GetProperty("subject").GetString());
            Assert.Equal("66051", json.RootElement.GetProperty("serialNumber").GetString());
        }
    }

    [Fact]
    public async Task NegativeSerial_RefusedAsCredentialProcessRefusesIt()
    {
        // .NET encodes every serial as a positive INTEGER; openssl writes the negative one a non-conformant CA would.
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await File.WriteAllTextAsync(directory.File("n.key"), key.ExportPkcs8PrivateKeyPem(), TestContext.Current.CancellationToken);
        var start = new System.Diagnostics.ProcessStartInfo("openssl", ["req", "-x509", "-new", "-key", directory.File("n.key"), "-sha256", "-subj", "/CN=negative", "-set_serial", "-0x9F0102", "-days", "2", "-out", directory.File("n.pem")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using (var openssl = System.Diagnostics.Process.Start(start)!)
        {
            await openssl.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.Equal(0, openssl.ExitCode);
        }

        var run = await ToolRun.RunAsync(["read-certificate-data", "--certificate", directory.File("n.pem")]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("negative", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.StdoutText);
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
