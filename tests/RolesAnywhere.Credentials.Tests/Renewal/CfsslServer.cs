using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using RolesAnywhere.Credentials.TestSupport;

namespace RolesAnywhere.Credentials.Tests.Renewal;

/// <summary>
/// The real CFSSL CA server (<c>cfssl serve</c>, Debian's golang-cfssl) on a free loopback port with a CA made for the
/// test, a default profile (30 days), a <c>short</c> one (10 days) and an <c>authed</c> one that needs the HMAC auth key.
/// Shared by the tests of a class; stopped (by its process id) when disposed.
/// </summary>
public sealed class CfsslServer : IDisposable
{
    private readonly Process? _process;

    public CfsslServer()
    {
        Folder = Directory.CreateTempSubdirectory("ra-cfssl-").FullName;
        Ca = RenewalCa.Create(Folder, "cfssl-ca");
        AuthKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var config = Path.Combine(Folder, "config.json");
        const string Usages = "\"usages\": [\"digital signature\", \"client auth\"]";
        File.WriteAllText(config, $$"""
            {
              "signing": {
                "default": { "expiry": "720h", {{Usages}} },
                "profiles": {
                  "short": { "expiry": "240h", {{Usages}} },
                  "authed": { "expiry": "720h", {{Usages}}, "auth_key": "renewal" }
                }
              },
              "auth_keys": { "renewal": { "type": "standard", "key": "{{AuthKey}}" } }
            }
            """);
        Available = OnPath("cfssl");
        if (!Available)
        {
            return;
        }

        Port = FreePort();
        var start = new ProcessStartInfo("cfssl") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = Folder };
        foreach (var argument in new[] { "serve", "-address", "127.0.0.1", "-port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-ca", Ca.CertificatePath, "-ca-key", Ca.KeyPath, "-config", config })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start)!;
        _process.ErrorDataReceived += (_, _) => { };
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        WaitUntilListening();
    }

    public bool Available { get; }

    public string Folder { get; }

    public RenewalCa Ca { get; }

    public string AuthKey { get; }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}");

    public void Require() => Requirement.That(Available, "cfssl is not installed (apt-get install golang-cfssl; .ci/install-test-deps does it)");

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process?.Dispose();
        Ca.Dispose();
        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>Returns a loopback port nothing listens on (bound, then released).</summary>
    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Any(d => File.Exists(Path.Combine(d, program)));

    private void WaitUntilListening()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && !_process!.HasExited)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        throw new InvalidOperationException($"cfssl serve did not listen on 127.0.0.1:{Port} (exited: {_process!.HasExited}).");
    }
}
