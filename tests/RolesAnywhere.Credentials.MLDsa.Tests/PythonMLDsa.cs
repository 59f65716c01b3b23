using System.Diagnostics;
using System.Text;
using RolesAnywhere.Credentials.TestSupport;

namespace RolesAnywhere.Credentials.MLDsa.Tests;

/// <summary>Python <c>cryptography</c> (48+, with ML-DSA) verifying our signatures through tests/vectors/mldsa/verify.py.</summary>
internal static class PythonMLDsa
{
    private static readonly Lazy<bool> Available = new(() => Run(["-c", "from cryptography.hazmat.primitives.asymmetric import mldsa"], string.Empty).ExitCode == 0);

    /// <summary>Returns Python's verdict ("ok" or "bad") for each (message, signature) pair, with the certificate's public key.</summary>
    public static string[] Verify(string certificatePath, IEnumerable<(byte[] Message, byte[] Signature)> pairs)
    {
        Requirement.That(Available.Value, "python3 with cryptography 48 or later (ML-DSA) is needed: pip install 'cryptography>=48'");
        var input = new StringBuilder();
        foreach (var (message, signature) in pairs)
        {
            input.Append(Convert.ToHexString(message)).Append(':').Append(Convert.ToHexString(signature)).Append('\n');
        }

        var (exitCode, stdout, stderr) = Run([TestVectors.PathOf("mldsa/verify.py"), certificatePath], input.ToString());
        Assert.True(stderr.Length == 0, stderr);
        _ = exitCode;
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static (int ExitCode, string Stdout, string Stderr) Run(IEnumerable<string> args, string input)
    {
        var info = new ProcessStartInfo("python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(input);
            process.StandardInput.Close();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill(entireProcessTree: true);
                return (-1, string.Empty, "python3 did not finish within 60 s");
            }

            return (process.ExitCode, stdout.Result, stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (-1, string.Empty, "python3 is not installed");
        }
    }
}
