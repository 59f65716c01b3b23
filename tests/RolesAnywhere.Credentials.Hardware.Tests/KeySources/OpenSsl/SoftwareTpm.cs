using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.TestSupport.Hardware;

namespace RolesAnywhere.Credentials.Hardware.Tests.KeySources.OpenSsl;

/// <summary>
/// A software TPM 2.0 (swtpm) for this test run, with persistent P-256 and RSA-2048 keys and a TSS2 key
/// file created by tpm2-tools and the tpm2 OpenSSL provider; the OpenSSL provider in this process reaches
/// it through TPM2OPENSSL_TCTI. swtpm is killed when the process exits.
/// </summary>
internal sealed class SoftwareTpm : IDisposable
{
    public const string EcHandle = "handle:0x81000001";
    public const string RsaHandle = "handle:0x81000002";
    private const string ProviderModule = "/usr/lib/x86_64-linux-gnu/ossl-modules/tpm2.so";

    // Both TPMs start together, before this process's tpm2 provider connects to either: a child process
    // inherits the provider's socket (the provider does not mark it close-on-exec), and a swtpm started later
    // would hold this process's TPM connection open for good, so that the provider could never connect again.
    private static readonly Lazy<(SoftwareTpm ForThisProcess, SoftwareTpm ForChildProcesses)> s_instances = new(StartBoth);
    private readonly SwtpmProcess _swtpm;

    private SoftwareTpm(SwtpmProcess swtpm, string directory)
    {
        _swtpm = swtpm;
        Directory = directory;
    }

    public static bool IsInstalled =>
        ExternalTool.Find("swtpm") is not null && ExternalTool.Find("tpm2_createprimary") is not null &&
        ExternalTool.Find("openssl") is not null && (File.Exists(ProviderModule) || System.IO.Directory.GetFiles("/usr/lib", "tpm2.so", SearchOption.AllDirectories).Length > 0);

    public static string MissingReason => "swtpm, tpm2-tools and the tpm2 OpenSSL provider are not installed (Debian packages swtpm swtpm-tools tpm2-tools tpm2-openssl)";

    public string Directory { get; }

    public string Tcti => _swtpm.Tcti;

    public X509Certificate2 EcCertificate { get; private set; } = null!;

    public X509Certificate2 RsaCertificate { get; private set; } = null!;

    public string Tss2KeyFile { get; private set; } = null!;

    /// <summary>The shared instance, or a skip (a failure under ROLESANYWHERE_REQUIRE_ALL=1) when the TPM tools are missing.</summary>
    public static SoftwareTpm Require()
    {
        TestSupport.Requirement.That(OperatingSystem.IsLinux() && IsInstalled, MissingReason);
        return s_instances.Value.ForThisProcess;
    }

    /// <summary>
    /// A second TPM with keys of its own at the same handles, for child processes (pass <see cref="Tcti"/> as
    /// their TPM2OPENSSL_TCTI): this process's tpm2 provider holds its TPM's only connection once it has used it.
    /// </summary>
    public static SoftwareTpm RequireForChildProcesses()
    {
        TestSupport.Requirement.That(OperatingSystem.IsLinux() && IsInstalled, MissingReason);
        return s_instances.Value.ForChildProcesses;
    }

    public void Dispose()
    {
        _swtpm.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static (SoftwareTpm ForThisProcess, SoftwareTpm ForChildProcesses) StartBoth()
    {
        var forChildren = Start(useInThisProcess: false);
        try
        {
            return (Start(useInThisProcess: true), forChildren);
        }
        catch
        {
            forChildren.Dispose();
            throw;
        }
    }

    private static SoftwareTpm Start(bool useInThisProcess)
    {
        string directory = Path.Combine(Path.GetTempPath(), "ra-swtpm-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var tpm = new SoftwareTpm(SwtpmProcess.Start(directory, useInThisProcess), directory);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => tpm.Dispose();
        try
        {
            tpm.EcCertificate = IssueFor(tpm._swtpm.CreatePersistentKey(directory, "ecc256:ecdsa", "0x81000001", "tpm-ec"), "tpm-ec");
            tpm.RsaCertificate = IssueFor(tpm._swtpm.CreatePersistentKey(directory, "rsa2048:rsassa", "0x81000002", "tpm-rsa"), "tpm-rsa");
            tpm.Tss2KeyFile = Path.Combine(directory, "tss2-key.pem");
            tpm._swtpm.Run("openssl", "genpkey", "-provider", "tpm2", "-provider", "default", "-algorithm", "EC", "-pkeyopt", "group:P-256", "-out", tpm.Tss2KeyFile);
        }
        catch
        {
            tpm.Dispose();
            throw;
        }

        return tpm;
    }

    private static X509Certificate2 IssueFor(string publicKeyPem, string subject)
    {
        if (publicKeyPem.Contains("RSA", StringComparison.Ordinal) || !TryImportEc(publicKeyPem, out var ec))
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(publicKeyPem);
            return HardwareIssuer.Issue(rsa, subject);
        }

        using (ec)
        {
            return HardwareIssuer.Issue(ec!, subject);
        }
    }

    private static bool TryImportEc(string pem, out ECDsa? ecdsa)
    {
        ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportFromPem(pem);
            return true;
        }
        catch (CryptographicException)
        {
            ecdsa.Dispose();
            ecdsa = null;
            return false;
        }
    }
}
