using RolesAnywhere.Credentials.KeySources.CertificateStore;
using RolesAnywhere.Credentials.Tool.Cli;

namespace RolesAnywhere.Credentials.Tool.Keys;

/// <summary>
/// The flags that say where the certificate and its private key live, turned into the library's options
/// the same way for every command: files (<c>--certificate</c>, <c>--private-key</c>, <c>--intermediates</c>,
/// <c>--pkcs8-password</c>), a PKCS#11 token (<c>pkcs11:</c> URIs with <c>--pkcs11-lib</c> and
/// <c>--reuse-pin</c>), a TPM 2.0 key (<c>--private-key handle:0x81000001</c>), or the OS certificate
/// store (<c>--cert-selector</c>, <c>--system-store-name</c>, <c>--use-latest-expiring-certificate</c>).
/// </summary>
internal static class KeySourceFlags
{
    private const string Pkcs11Scheme = "pkcs11:";
    private const string TpmHandleScheme = "handle:";

    /// <summary>Returns whether the certificate comes from the OS certificate store.</summary>
    public static bool UsesStore(ParsedCommandLine parsed) =>
        parsed.Has(Flags.CertSelector) || parsed.Has(Flags.SystemStoreName) || parsed.IsSet(Flags.UseLatestExpiringCertificate);

    /// <summary>Returns whether <paramref name="value"/> is an RFC 7512 <c>pkcs11:</c> URI rather than a file.</summary>
    public static bool IsPkcs11(string? value) => value is not null && value.StartsWith(Pkcs11Scheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns whether <paramref name="value"/> names a persistent TPM key (<c>handle:0x81000001</c>) rather than a file.</summary>
    public static bool IsTpmHandle(string? value) => value is not null && value.StartsWith(TpmHandleScheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>Sets the certificate and key settings of <paramref name="options"/> from the command line.</summary>
    /// <param name="parsed">The command line.</param>
    /// <param name="options">The options to fill.</param>
    /// <param name="pinPrompt">Asks for a token's PIN when the URI has none (given the token label), or <see langword="null"/>.</param>
    /// <exception cref="RolesAnywhereConfigurationException">A flag asks for something this build cannot do (a TPM key password).</exception>
    public static RolesAnywhereOptions ApplyTo(ParsedCommandLine parsed, RolesAnywhereOptions options, Func<string, string?>? pinPrompt)
    {
        RefuseTpmKeyPassword(parsed);
        options.CertificatePath = parsed.Get(Flags.Certificate);
        options.PrivateKeyPath = parsed.Get(Flags.PrivateKey);
        options.IntermediatesPath = parsed.Get(Flags.Intermediates);
        options.PrivateKeyPassword = parsed.Get(Flags.Pkcs8Password);
        if (UsesStore(parsed))
        {
            // Without --cert-selector every certificate of the store is a candidate.
            options.CertificateSelector = parsed.Get(Flags.CertSelector);
            options.CertificateStoreName = parsed.Get(Flags.SystemStoreName) ?? CertificateStoreKeySource.DefaultStoreName;
            options.UseLatestExpiringCertificate = parsed.IsSet(Flags.UseLatestExpiringCertificate);
        }

        if (IsPkcs11(options.CertificatePath) || IsPkcs11(options.PrivateKeyPath))
        {
            Pkcs11Support.Register(parsed, options, pinPrompt);
        }

        return options;
    }

    /// <summary>
    /// <c>--tpm-key-password</c> cannot be honoured: .NET opens TPM keys through OpenSSL's <c>tpm2</c>
    /// provider without a way to answer its password prompt. Refused before anything is opened, rather than
    /// failing later with the TPM's authorization error. (<c>--no-tpm-key-password</c> is what already happens.)
    /// </summary>
    private static void RefuseTpmKeyPassword(ParsedCommandLine parsed)
    {
        if (parsed.Has(Flags.TpmKeyPassword))
        {
            throw new RolesAnywhereConfigurationException(
                $"--{Flags.TpmKeyPassword} is not supported: rolesanywhere opens TPM keys through the OpenSSL tpm2 provider, which cannot be given a key password. Use a TPM key without an auth value (created by tpm2_create without -p) and pass --{Flags.NoTpmKeyPassword} or no password flag.");
        }
    }
}
