using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RolesAnywhere.Credentials.Hardware.Tests.Signing.OpenSsl;

/// <summary>
/// A software TPM 2.0 (swtpm) on free local ports for this test run, with persistent P-256 and RSA-2048
/// keys and a TSS2 key file created by tpm2-tools and the tpm2 OpenSSL provider; the OpenSSL provider in
/// this process reaches it through TPM2OPENSSL_TCTI. swtpm is killed when the process exits.
/// </summary>
internal sealed class SoftwareTpm : IDisposable
{
    public const string EcHandle = "handle:0x81000001";
    public const string RsaHandle = "handle:0x81000002";
    private const string ProviderModule = "/usr/lib/x86_64-linux-gnu/ossl-modules/tpm2.so";

    private static readonly Lazy<SoftwareTpm> s_instance = new(Start);
    private readonly Process _swtpm;

    private SoftwareTpm(Process swtpm, string directory, string tcti)
    {
        _swtpm = swtpm;
        Directory = directory;
        Tcti = tcti;
    }

    public static bool IsInstalled =>
        Tools.Find("swtpm") is not null && Tools.Find("tpm2_createprimary") is not null &&
        Tools.Find("openssl") is not null && (File.Exists(ProviderModule) || System.IO.Directory.GetFiles("/usr/lib", "tpm2.so", SearchOption.AllDirectories).Length > 0);

    public static string MissingReason => "swtpm, tpm2-tools and the tpm2 OpenSSL provider are not installed (Debian packages swtpm swtpm-tools tpm2-tools tpm2-openssl)";

    public string Directory { get; }

    public string Tcti { get; }

    public X509Certificate2 EcCertificate { get; private set; } = null!;

    public X509Certificate2 RsaCertificate { get; private set; } = null!;

    public string Tss2KeyFile { get; private set; } = null!;

    /// <summary>The shared instance, or a skip (a failure under ROLESANYWHERE_REQUIRE_ALL=1) when the TPM tools are missing.</summary>
    public static SoftwareTpm Require()
    {
        TestSupport.Requirement.That(OperatingSystem.IsLinux() && IsInstalled, MissingReason);
        return s_instance.Value;
    }

    public void Dispose()
    {
        try
        {
            if (!_swtpm.HasExited)
            {
                _swtpm.Kill(entireProcessTree: true);
                _swtpm.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        _swtpm.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static SoftwareTpm Start()
    {
        string directory = Path.Combine(Path.GetTempPath(), "ra-swtpm-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        int port = FreePortPair();
        var start = new ProcessStartInfo(Tools.Find("swtpm")!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in (string[])["socket", "--tpm2", "--server", $"type=tcp,port={port}", "--ctrl", $"type=tcp,port={port + 1}",
                     "--flags", "not-need-init,startup-clear", "--tpmstate", $"dir={directory}"])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        string tcti = $"swtpm:host=127.0.0.1,port={port}";
        var tpm = new SoftwareTpm(process, directory, tcti);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => tpm.Dispose();
        try
        {
            WaitForPort(port, process);
            NativeEnvironment.Set("TPM2OPENSSL_TCTI", tcti);
            tpm.CreateKeys();
        }
        catch
        {
            tpm.Dispose();
            throw;
        }

        return tpm;
    }

    private void CreateKeys()
    {
        EcCertificate = CreatePersistentKey("ecc256:ecdsa", "0x81000001", "tpm-ec");
        RsaCertificate = CreatePersistentKey("rsa2048:rsassa", "0x81000002", "tpm-rsa");

        Tss2KeyFile = Path.Combine(Directory, "tss2-key.pem");
        Tool("openssl", "genpkey", "-provider", "tpm2", "-provider", "default", "-algorithm", "EC", "-pkeyopt", "group:P-256", "-out", Tss2KeyFile);
    }

    private X509Certificate2 CreatePersistentKey(string algorithm, string handle, string subject)
    {
        string primary = Path.Combine(Directory, "primary.ctx");
        string pub = Path.Combine(Directory, subject + ".pub");
        string priv = Path.Combine(Directory, subject + ".priv");
        string context = Path.Combine(Directory, subject + ".ctx");
        string pem = Path.Combine(Directory, subject + ".pem");
        Tool("tpm2_createprimary", "-C", "o", "-g", "sha256", "-G", "ecc", "-c", primary);
        Tool("tpm2_flushcontext", "-t");
        Tool("tpm2_create", "-C", primary, "-G", algorithm, "-u", pub, "-r", priv);
        Tool("tpm2_flushcontext", "-t");
        Tool("tpm2_load", "-C", primary, "-u", pub, "-r", priv, "-c", context);
        Tool("tpm2_flushcontext", "-t");
        Tool("tpm2_evictcontrol", "-C", "o", "-c", context, handle);
        Tool("tpm2_flushcontext", "-t");
        Tool("tpm2_readpublic", "-c", handle, "-f", "pem", "-o", pem);
        return IssueFor(File.ReadAllText(pem), subject);
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

    private string Tool(string name, params string[] arguments)
    {
        var start = new ProcessStartInfo(Tools.Find(name) ?? throw new InvalidOperationException($"{name} not found"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["TPM2TOOLS_TCTI"] = Tcti;
        start.Environment["TPM2OPENSSL_TCTI"] = Tcti;
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{name} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}");
        }

        return output;
    }

    private static int FreePortPair()
    {
        for (int attempt = 0; attempt < 50; attempt++)
        {
            var first = new TcpListener(IPAddress.Loopback, 0);
            first.Start();
            int port = ((IPEndPoint)first.LocalEndpoint).Port;
            try
            {
                var second = new TcpListener(IPAddress.Loopback, port + 1);
                second.Start();
                second.Stop();
                return port;
            }
            catch (SocketException)
            {
                // port + 1 is taken: try another pair.
            }
            finally
            {
                first.Stop();
            }
        }

        throw new InvalidOperationException("No two consecutive free TCP ports found for swtpm.");
    }

    private static void WaitForPort(int port, Process process)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"swtpm exited ({process.ExitCode}): {process.StandardError.ReadToEnd()}");
            }

            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50); // Polling a child process's socket: no clock to fake.
            }
        }

        throw new InvalidOperationException($"swtpm did not listen on port {port} within 10 seconds.");
    }
}
