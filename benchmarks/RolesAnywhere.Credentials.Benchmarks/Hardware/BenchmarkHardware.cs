using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace RolesAnywhere.Credentials.Benchmarks.Hardware;

/// <summary>
/// Sets up SoftHSM2 and swtpm in a temp directory for one benchmark process (BenchmarkDotNet runs each
/// class in its own process). Native modules read their settings with getenv, so variables are set natively.
/// </summary>
internal static class BenchmarkHardware
{
    public const string SoftHsmModule = "/usr/lib/softhsm/libsofthsm2.so";
    public const string Pin = "1234";

    /// <summary>Initialises a SoftHSM2 token holding <paramref name="pkcs8Pem"/> (label <c>bench</c>, id 01) and returns its URI.</summary>
    public static string SoftHsmKey(string directory, string pkcs8Pem)
    {
        Directory.CreateDirectory(Path.Combine(directory, "tokens"));
        string conf = Path.Combine(directory, "softhsm2.conf");
        File.WriteAllText(conf, $"directories.tokendir = {Path.Combine(directory, "tokens")}\nobjectstore.backend = file\nlog.level = ERROR\n");
        SetEnvironment("SOFTHSM2_CONF", conf);
        string keyFile = Path.Combine(directory, "key.pem");
        File.WriteAllText(keyFile, pkcs8Pem);
        Run(null, "softhsm2-util", "--init-token", "--free", "--label", "bench", "--pin", Pin, "--so-pin", "5678");
        Run(null, "softhsm2-util", "--import", keyFile, "--token", "bench", "--label", "bench", "--id", "01", "--pin", Pin);
        File.Delete(keyFile);
        return $"pkcs11:token=bench;object=bench?module-path={SoftHsmModule}&pin-value={Pin}";
    }

    /// <summary>Starts swtpm, makes a persistent P-256 key at 0x81000001 and points the tpm2 provider at it.</summary>
    public static Process StartTpmWithKey(string directory)
    {
        int port = FreePortPair();
        var start = new ProcessStartInfo("swtpm") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in (string[])["socket", "--tpm2", "--server", $"type=tcp,port={port}", "--ctrl", $"type=tcp,port={port + 1}",
                     "--flags", "not-need-init,startup-clear", "--tpmstate", $"dir={directory}"])
        {
            start.ArgumentList.Add(argument);
        }

        var swtpm = Process.Start(start)!;
        string tcti = $"swtpm:host=127.0.0.1,port={port}";
        for (int i = 0; i < 200 && !CanConnect(port); i++)
        {
            Thread.Sleep(50);
        }

        SetEnvironment("TPM2OPENSSL_TCTI", tcti);
        string primary = Path.Combine(directory, "primary.ctx");
        string pub = Path.Combine(directory, "key.pub");
        string priv = Path.Combine(directory, "key.priv");
        string context = Path.Combine(directory, "key.ctx");
        Run(tcti, "tpm2_createprimary", "-C", "o", "-g", "sha256", "-G", "ecc", "-c", primary);
        Run(tcti, "tpm2_flushcontext", "-t");
        Run(tcti, "tpm2_create", "-C", primary, "-G", "ecc256:ecdsa", "-u", pub, "-r", priv);
        Run(tcti, "tpm2_flushcontext", "-t");
        Run(tcti, "tpm2_load", "-C", primary, "-u", pub, "-r", priv, "-c", context);
        Run(tcti, "tpm2_flushcontext", "-t");
        Run(tcti, "tpm2_evictcontrol", "-C", "o", "-c", context, "0x81000001");
        Run(tcti, "tpm2_flushcontext", "-t");
        return swtpm;
    }

    public static void Stop(Process? process)
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }

        process?.Dispose();
    }

    private static void Run(string? tcti, string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (tcti is not null)
        {
            start.Environment["TPM2TOOLS_TCTI"] = tcti;
        }

        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {error.Result}");
        }
    }

    private static bool CanConnect(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePortPair()
    {
        while (true)
        {
            var first = new TcpListener(IPAddress.Loopback, 0);
            first.Start();
            int port = ((IPEndPoint)first.LocalEndpoint).Port;
            first.Stop();
            try
            {
                var second = new TcpListener(IPAddress.Loopback, port + 1);
                second.Start();
                second.Stop();
                return port;
            }
            catch (SocketException)
            {
            }
        }
    }

    private static void SetEnvironment(string name, string value)
    {
        Environment.SetEnvironmentVariable(name, value);
        _ = SetEnv(name, value, 1);
    }

#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe code, which this project does not enable.
    [DllImport("libc", EntryPoint = "setenv", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetEnv(string name, string value, int overwrite);
#pragma warning restore SYSLIB1054
}
