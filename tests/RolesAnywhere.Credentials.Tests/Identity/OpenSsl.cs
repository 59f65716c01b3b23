using System.Diagnostics;
using RolesAnywhere.Credentials.TestSupport;

namespace RolesAnywhere.Credentials.Tests.Identity;

/// <summary>Runs the real <c>openssl</c> command to make files .NET cannot write (RC2 PKCS#12, scrypt, Ed25519).</summary>
internal static class OpenSsl
{
    private static readonly Lazy<bool> Available = new(() => TryRun(["version"], out _));

    /// <summary>Runs openssl, skipping (or failing under ROLESANYWHERE_REQUIRE_ALL) when it is not installed.</summary>
    public static void Run(params string[] arguments)
    {
        Requirement.That(Available.Value, "openssl is not installed (apt-get install openssl)");
        Assert.True(TryRun(arguments, out var error), $"openssl {string.Join(' ', arguments)} failed: {error}");
    }

    private static bool TryRun(string[] arguments, out string error)
    {
        try
        {
            var start = new ProcessStartInfo("openssl") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            _ = process.StandardOutput.ReadToEndAsync();
            error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            error = ex.Message;
            return false;
        }
    }
}
