using System.Runtime.InteropServices;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace RolesAnywhere.Credentials.Pkcs11.Interop;

/// <summary>
/// A lease on a loaded PKCS#11 module. A module may be initialised (<c>C_Initialize</c>) only once per
/// process, so every key opened from the same path shares one loaded library; the last lease to be
/// disposed finalises and unloads it.
/// </summary>
internal sealed class Pkcs11Module : IDisposable
{
    private static readonly Dictionary<string, Loaded> s_loaded = new(StringComparer.Ordinal);
    private static readonly object s_gate = new();

    private readonly Loaded _loaded;
    private int _disposed;

    private Pkcs11Module(Loaded loaded)
    {
        _loaded = loaded;
    }

    public IPkcs11Library Library => _loaded.Library;

    public Pkcs11InteropFactories Factories => _loaded.Factories;

    public string Path => _loaded.Path;

    /// <summary>
    /// The module <paramref name="uri"/> names (<c>module-path</c>), else the one in <paramref name="options"/>.
    /// <c>module-name</c> is never searched for: a library found by name in a search path could be anyone's.
    /// </summary>
    /// <exception cref="RolesAnywherePkcs11Exception">Neither names a module.</exception>
    public static string PathFor(Pkcs11Uri uri, Pkcs11SigningKeyOptions options) =>
        uri.ModulePath ?? options.ModulePath ?? throw new RolesAnywherePkcs11Exception(
            $"No PKCS#11 module is named for '{uri}': add module-path to the URI or set Pkcs11SigningKeyOptions.ModulePath (for SoftHSM2: /usr/lib/softhsm/libsofthsm2.so)." +
            (uri.ModuleName is null ? string.Empty : " module-name is not searched for; give the module's full path."));

    /// <exception cref="RolesAnywherePkcs11Exception">The module cannot be found, loaded or initialised.</exception>
    public static Pkcs11Module Acquire(string modulePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(modulePath);
        if (modulePath.Contains('/', StringComparison.Ordinal) || modulePath.Contains('\\', StringComparison.Ordinal))
        {
            if (!File.Exists(modulePath))
            {
                throw new RolesAnywherePkcs11Exception(
                    $"The PKCS#11 module '{modulePath}' was not found. Check module-path in the URI or Pkcs11SigningKeyOptions.ModulePath (for SoftHSM2: /usr/lib/softhsm/libsofthsm2.so).");
            }

            modulePath = System.IO.Path.GetFullPath(modulePath);
        }

        lock (s_gate)
        {
            if (!s_loaded.TryGetValue(modulePath, out var loaded))
            {
                loaded = Load(modulePath);
                s_loaded.Add(modulePath, loaded);
            }

            loaded.References++;
            return new Pkcs11Module(loaded);
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        lock (s_gate)
        {
            if (--_loaded.References == 0)
            {
                s_loaded.Remove(_loaded.Path);
                _loaded.Library.Dispose();
            }
        }
    }

    private static Loaded Load(string modulePath)
    {
        NativeLibraryResolver.EnsureInstalled();
        var factories = new Pkcs11InteropFactories();
        try
        {
            var library = factories.Pkcs11LibraryFactory.LoadPkcs11Library(factories, modulePath, AppType.MultiThreaded);
            return new Loaded(modulePath, factories, library);
        }
        catch (Pkcs11Exception ex)
        {
            throw Pkcs11Errors.From(ex, $"initialising the PKCS#11 module '{modulePath}'");
        }
        catch (LibraryArchitectureException ex)
        {
            // Pkcs11Interop reads the ELF/PE header itself and refuses before the loader does.
            throw new RolesAnywherePkcs11Exception(DescribeWrongArchitecture(modulePath, ex.Message), innerException: ex);
        }
        catch (Exception ex) when (ex is UnmanagedException or DllNotFoundException or BadImageFormatException)
        {
            throw new RolesAnywherePkcs11Exception(DescribeLoadFailure(modulePath, ex.Message), innerException: ex);
        }
    }

    private static string DescribeLoadFailure(string modulePath, string detail)
    {
        bool wrongArchitecture =
            detail.Contains("wrong ELF class", StringComparison.OrdinalIgnoreCase) ||
            detail.Contains("ELFCLASS", StringComparison.Ordinal) ||
            detail.Contains("incompatible architecture", StringComparison.OrdinalIgnoreCase) ||
            detail.Contains("not a valid Win32 application", StringComparison.OrdinalIgnoreCase) ||
            detail.Contains("invalid ELF header", StringComparison.OrdinalIgnoreCase);
        return wrongArchitecture
            ? DescribeWrongArchitecture(modulePath, detail)
            : $"The PKCS#11 module '{modulePath}' could not be loaded ({detail}). Check module-path in the URI or Pkcs11SigningKeyOptions.ModulePath and that the library's own dependencies are installed.";
    }

    private static string DescribeWrongArchitecture(string modulePath, string detail) =>
        $"The PKCS#11 module '{modulePath}' is not a {RuntimeInformation.ProcessArchitecture} library for this process ({detail}). Install the module built for {RuntimeInformation.ProcessArchitecture}.";

    private sealed class Loaded(string path, Pkcs11InteropFactories factories, IPkcs11Library library)
    {
        public string Path { get; } = path;

        public Pkcs11InteropFactories Factories { get; } = factories;

        public IPkcs11Library Library { get; } = library;

        public int References { get; set; }
    }
}
