using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.Signing;
using RolesAnywhere.Credentials.Tool.Cli;
#if PKCS11
using RolesAnywhere.Credentials.Pkcs11;
#endif

namespace RolesAnywhere.Credentials.Tool.Keys;

/// <summary>
/// Everything the tool does with PKCS#11 tokens, in one place because it exists in one build only:
/// PKCS#11 goes through Pkcs11Interop, which marshals with reflection that Native AOT cannot compile. The
/// .NET tool build (<c>PKCS11</c> defined) opens <c>pkcs11:</c> URIs; the Native AOT binary refuses them
/// with a message naming the build that can, instead of a trimmed-away failure at run time.
/// </summary>
internal static class Pkcs11Support
{
    /// <summary>The PKCS#11 module the official helper loads when <c>--pkcs11-lib</c> is not given (p11-kit's proxy to every configured module).</summary>
    public const string DefaultModule = "p11-kit-proxy.so";

    /// <summary>
    /// The hint printed under a configuration failure when the command line names a <c>pkcs11:</c> URI (the
    /// library's messages speak of its options; this names the flags), or <see langword="null"/>.
    /// </summary>
    public static string? HintFor(IReadOnlyList<string> args)
    {
#if PKCS11
        foreach (var arg in args)
        {
            if (KeySourceFlags.IsPkcs11(arg))
            {
                return $"--{Flags.Pkcs11Lib} names the PKCS#11 module when the URI has no module-path (default: {DefaultModule}); the PIN goes in the URI as ?pin-value=…; --{Flags.ReusePin} reuses it for keys that ask for it at every signature.";
            }
        }
#else
        _ = args;
#endif
        return null;
    }

    /// <summary>Lets the library open the <c>pkcs11:</c> URIs in <paramref name="options"/>, with the module and PIN reuse the flags give.</summary>
    /// <exception cref="RolesAnywhereConfigurationException">This build has no PKCS#11 support.</exception>
    public static void Register(ParsedCommandLine parsed, RolesAnywhereOptions options, Func<string, string?>? pinPrompt)
    {
#if PKCS11
        options.UsePkcs11(settings =>
        {
            settings.ModulePath = ModulePath(parsed);
            settings.ReusePin = parsed.IsSet(Flags.ReusePin);
            settings.PinCallback = pinPrompt;
        });
#else
        _ = (parsed, options, pinPrompt);
        throw Unavailable();
#endif
    }

    /// <summary>Opens the key <paramref name="uri"/> names.</summary>
    /// <exception cref="RolesAnywhereConfigurationException">The key cannot be opened, or this build has no PKCS#11 support.</exception>
    public static ISigningKey OpenKey(ParsedCommandLine parsed, string uri, Func<string, string?>? pinPrompt)
    {
#if PKCS11
        return Pkcs11SigningKey.Open(uri, Options(parsed, pinPrompt));
#else
        _ = (parsed, uri, pinPrompt);
        throw Unavailable();
#endif
    }

    /// <summary>
    /// Reads the certificate object <paramref name="uri"/> names (label and/or id). Certificates are public on
    /// most tokens, so no PIN is asked for; one in the URI is used. The caller disposes the certificate.
    /// </summary>
    /// <exception cref="RolesAnywhereConfigurationException">No such certificate, or this build has no PKCS#11 support.</exception>
    public static X509Certificate2 ReadCertificate(ParsedCommandLine parsed, string uri)
    {
#if PKCS11
        return Pkcs11Certificate.Read(uri, new Pkcs11SigningKeyOptions { ModulePath = ModulePath(parsed) });
#else
        _ = (parsed, uri);
        throw Unavailable();
#endif
    }

#if PKCS11
    private static Pkcs11SigningKeyOptions Options(ParsedCommandLine parsed, Func<string, string?>? pinPrompt) => new()
    {
        ModulePath = ModulePath(parsed),
        ReusePin = parsed.IsSet(Flags.ReusePin),
        PinCallback = pinPrompt,
    };

    private static string ModulePath(ParsedCommandLine parsed) => parsed.Get(Flags.Pkcs11Lib) ?? DefaultModule;
#else
    private static RolesAnywhereConfigurationException Unavailable() => new(
        "This Native AOT build of rolesanywhere cannot open pkcs11: URIs: its PKCS#11 layer (Pkcs11Interop) needs runtime code generation. Use the framework-dependent build for PKCS#11 keys ('dotnet tool install -g RolesAnywhere.Credentials.Tool.any'); files, TPM handles and the certificate store work in both.");
#endif
}
