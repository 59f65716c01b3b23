using System.Reflection;
using System.Runtime.InteropServices;
using Net.Pkcs11Interop.HighLevelAPI;

namespace RolesAnywhere.Credentials.Pkcs11.Interop;

/// <summary>
/// Pkcs11Interop loads modules through <c>dlopen</c> imported from <c>libdl</c>; glibc 2.34 and later
/// (Debian 12, Ubuntu 22.04) ship only <c>libdl.so.2</c>, so the plain name is not found. This resolver
/// points that one import at the versioned library and leaves every other import alone.
/// </summary>
internal static class NativeLibraryResolver
{
    private static int s_installed;

    public static void EnsureInstalled()
    {
        if (Interlocked.Exchange(ref s_installed, 1) != 0 || !OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            NativeLibrary.SetDllImportResolver(typeof(Pkcs11InteropFactories).Assembly, Resolve);
        }
        catch (InvalidOperationException)
        {
            // The application installed its own resolver for Pkcs11Interop; keep it.
        }
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != "libdl")
        {
            return IntPtr.Zero;
        }

        foreach (string candidate in (ReadOnlySpan<string>)["libdl.so.2", "libc.so.6"])
        {
            if (NativeLibrary.TryLoad(candidate, out IntPtr handle))
            {
                return handle;
            }
        }

        return IntPtr.Zero;
    }
}
