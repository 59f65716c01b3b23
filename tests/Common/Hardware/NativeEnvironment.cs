using System.Runtime.InteropServices;

namespace RolesAnywhere.Credentials.TestSupport.Hardware;

/// <summary>
/// Sets a variable in the native process environment as well: <see cref="Environment.SetEnvironmentVariable(string, string)"/>
/// changes only .NET's copy on Unix, while native modules (SoftHSM2's SOFTHSM2_CONF, the tpm2 OpenSSL
/// provider's TPM2OPENSSL_TCTI) read it with getenv.
/// </summary>
internal static class NativeEnvironment
{
    public static void Set(string name, string value)
    {
        Environment.SetEnvironmentVariable(name, value);
        if (!OperatingSystem.IsWindows() && SetEnv(name, value, 1) != 0)
        {
            throw new InvalidOperationException($"setenv({name}) failed.");
        }
    }

#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe code, which the test and benchmark projects do not enable.
    [DllImport("libc", EntryPoint = "setenv", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetEnv(string name, string value, int overwrite);
#pragma warning restore SYSLIB1054
}
