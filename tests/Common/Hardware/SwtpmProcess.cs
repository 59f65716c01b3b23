using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace RolesAnywhere.Credentials.TestSupport.Hardware;

/// <summary>
/// A software TPM 2.0 (swtpm) on two free loopback ports with its state in a directory, and the tpm2-tools
/// commands that make persistent keys in it. Killed on <see cref="Dispose"/>.
/// </summary>
internal sealed class SwtpmProcess : IDisposable
{
    private readonly Process _process;

    private SwtpmProcess(Process process, string tcti)
    {
        _process = process;
        Tcti = tcti;
    }

    /// <summary>Gets the TCTI string tools and the OpenSSL provider use to reach this TPM.</summary>
    public string Tcti { get; }

    /// <summary>Starts swtpm with its state in <paramref name="stateDirectory"/> and waits until it listens.</summary>
    /// <param name="stateDirectory">Where swtpm keeps its state.</param>
    /// <param name="useInThisProcess">
    /// Whether to point this process's tpm2 OpenSSL provider at it (TPM2OPENSSL_TCTI, set natively). The
    /// provider keeps its connection for the life of the process and swtpm serves one connection at a time,
    /// so a TPM that child processes use must be a different one, its TCTI passed in their environment.
    /// </param>
    public static SwtpmProcess Start(string stateDirectory, bool useInThisProcess = true)
    {
        int port = FreePortPair();
        var start = new ProcessStartInfo(ExternalTool.Find("swtpm") ?? throw new InvalidOperationException("swtpm is not on PATH."))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in (string[])["socket", "--tpm2", "--server", $"type=tcp,port={port}", "--ctrl", $"type=tcp,port={port + 1}",
                     "--flags", "not-need-init,startup-clear", "--tpmstate", $"dir={stateDirectory}"])
        {
            start.ArgumentList.Add(argument);
        }

        var swtpm = new SwtpmProcess(Process.Start(start)!, $"swtpm:host=127.0.0.1,port={port}");
        try
        {
            swtpm.WaitForPort(port);
            if (useInThisProcess)
            {
                NativeEnvironment.Set("TPM2OPENSSL_TCTI", swtpm.Tcti);
            }

            return swtpm;
        }
        catch
        {
            swtpm.Dispose();
            throw;
        }
    }

    /// <summary>Runs a tpm2-tools or openssl command against this TPM and returns its standard output.</summary>
    public string Run(string tool, params string[] arguments) =>
        ExternalTool.Run(tool, new Dictionary<string, string> { ["TPM2TOOLS_TCTI"] = Tcti, ["TPM2OPENSSL_TCTI"] = Tcti }, arguments);

    /// <summary>
    /// Creates a key of <paramref name="algorithm"/> (tpm2_create -G, e.g. <c>ecc256:ecdsa</c>) under a fresh
    /// owner primary, makes it persistent at <paramref name="handle"/>, and returns its public key as PEM.
    /// </summary>
    public string CreatePersistentKey(string workDirectory, string algorithm, string handle, string name)
    {
        string primary = Path.Combine(workDirectory, "primary.ctx");
        string pub = Path.Combine(workDirectory, name + ".pub");
        string priv = Path.Combine(workDirectory, name + ".priv");
        string context = Path.Combine(workDirectory, name + ".ctx");
        string pem = Path.Combine(workDirectory, name + ".pem");
        Run("tpm2_createprimary", "-C", "o", "-g", "sha256", "-G", "ecc", "-c", primary);
        Run("tpm2_flushcontext", "-t");
        Run("tpm2_create", "-C", primary, "-G", algorithm, "-u", pub, "-r", priv);
        Run("tpm2_flushcontext", "-t");
        Run("tpm2_load", "-C", primary, "-u", pub, "-r", priv, "-c", context);
        Run("tpm2_flushcontext", "-t");
        Run("tpm2_evictcontrol", "-C", "o", "-c", context, handle);
        Run("tpm2_flushcontext", "-t");
        Run("tpm2_readpublic", "-c", handle, "-f", "pem", "-o", pem);
        return File.ReadAllText(pem);
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
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

    private void WaitForPort(int port)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"swtpm exited ({_process.ExitCode}): {_process.StandardError.ReadToEnd()}");
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
