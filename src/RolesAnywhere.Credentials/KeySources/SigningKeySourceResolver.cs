
using RolesAnywhere.Credentials.Identity;
using RolesAnywhere.Credentials.KeySources.CertificateStore;
using RolesAnywhere.Credentials.KeySources.OpenSsl;

namespace RolesAnywhere.Credentials.KeySources;

/// <summary>
/// The one place the key loader asks whether the options name a key that is not a file: a certificate
/// store selection, a key reference a registered <see cref="ISigningKeySource"/> opens (such as
/// <c>pkcs11:</c>), or a TPM key (<c>handle:0x81000001</c>, a TSS2 key file).
/// </summary>
internal static class SigningKeySourceResolver
{
    private const string Pkcs11Scheme = "pkcs11:";

    /// <summary>Key kinds the core opens itself, after the application's sources. The certificate store is not one:
    /// it is chosen by its own settings (<see cref="RolesAnywhereOptions.CertificateSelector"/>), not by a key reference.</summary>
    private static readonly ISigningKeySource[] BuiltIn = [TpmKeySource.Instance];

    /// <summary>
    /// Opens the key (and the certificate kept with it, if any) the options name by reference, or returns
    /// <see langword="null"/> when they name ordinary key material (files, inline data, objects).
    /// </summary>
    /// <exception cref="RolesAnywhereConfigurationException">The reference cannot be opened, or needs a package that is not registered.</exception>
    public static OpenedSigningKey? TryOpen(RolesAnywhereOptions options, TimeProvider timeProvider) =>
        FindOpener(options, timeProvider)?.Invoke();

    /// <summary>Returns whether the options name a key by reference (a store, a token, a TPM), without opening it.</summary>
    /// <exception cref="RolesAnywhereConfigurationException">The reference conflicts with other settings, or needs a package that is not registered.</exception>
    public static bool NamesKeyByReference(RolesAnywhereOptions options) => FindOpener(options, TimeProvider.System) is not null;

    /// <summary>What opens the key the options name by reference, or <see langword="null"/> for ordinary key material.</summary>
    private static Func<OpenedSigningKey>? FindOpener(RolesAnywhereOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.SigningKey is not null)
        {
            return null;
        }

        if (CertificateStoreKeySource.IsConfigured(options))
        {
            if (ConflictWithStore(options) is { } conflict)
            {
                throw new RolesAnywhereConfigurationException(conflict);
            }

            return () => CertificateStoreKeySource.Open(options, timeProvider);
        }

        // Like the official helper, a pkcs11: certificate alone names the token for the key as well.
        string? reference = options.PrivateKeyPath ??
            (IsPkcs11(options.CertificatePath) ? options.CertificatePath : null);
        if (reference is null)
        {
            return null;
        }

        if (IsPkcs11(reference) && !options.SigningKeySources.Any(s => s.CanOpen(reference)))
        {
            throw new RolesAnywhereConfigurationException(
                "PrivateKeyPath is a PKCS#11 URI (pkcs11:…), but PKCS#11 support is not registered. Add the RolesAnywhere.Credentials.Pkcs11 package and call options.UsePkcs11() or services.AddRolesAnywherePkcs11().");
        }

        return SourceFor(options, reference) is { } source ? () => source.Open(reference, options) : null;
    }

    /// <summary>
    /// The source that opens <paramref name="keyReference"/>: the application's <see cref="RolesAnywhereOptions.SigningKeySources"/>
    /// first (in order), then the built-in ones; <see langword="null"/> when the reference is a file path.
    /// </summary>
    public static ISigningKeySource? SourceFor(RolesAnywhereOptions options, string keyReference) =>
        options.SigningKeySources.Concat(BuiltIn).FirstOrDefault(source => source.CanOpen(keyReference));

    /// <summary>The identity sources for a key opened by <see cref="TryOpen"/>: its certificate (or the configured one) and the configured intermediates.</summary>
    public static IdentitySpec SpecFor(RolesAnywhereOptions options, OpenedSigningKey opened)
    {
        bool certificateFromReference = opened.Certificate is not null || IsPkcs11(options.CertificatePath);
        return new IdentitySpec
        {
            Certificate = certificateFromReference
                ? null
                : IdentitySpec.Input(nameof(options.CertificatePath), options.CertificatePath, nameof(options.CertificateData), options.CertificateData),
            CertificateObject = opened.Certificate ?? options.Certificate,
            OpenedKey = opened,
            Intermediates = IdentitySpec.Input(nameof(options.IntermediatesPath), options.IntermediatesPath, nameof(options.IntermediatesData), options.IntermediatesData),
            IntermediateObjects = options.Intermediates,
        };
    }

    /// <summary>Returns whether a path setting holds a key reference (<c>pkcs11:</c>, <c>handle:</c>) rather than a file.</summary>
    /// <summary>Returns whether <paramref name="value"/> names a key in a token or TPM rather than a key file (for renewal, which has no key sources of its own).</summary>
    public static bool IsReference(string? value) =>
        value is not null && (IsPkcs11(value) || BuiltIn.Any(source => source.CanOpen(value)));

    /// <summary>Returns whether <paramref name="value"/> is a reference some source opens (so no file to read), given the application's sources.</summary>
    public static bool IsReference(RolesAnywhereOptions options, string value) =>
        IsPkcs11(value) || SourceFor(options, value) is not null;

    /// <summary>Returns whether the certificate may come from the key's store or token, so that no certificate setting is needed.</summary>
    public static bool MayProvideCertificate(RolesAnywhereOptions options) =>
        CertificateStoreKeySource.IsConfigured(options) || IsPkcs11(options.PrivateKeyPath) || IsPkcs11(options.CertificatePath);

    /// <summary>Describes settings that cannot be combined with a certificate store selection, or returns <see langword="null"/>.</summary>
    public static string? ConflictWithStore(RolesAnywhereOptions options)
    {
        if (!CertificateStoreKeySource.IsConfigured(options))
        {
            return null;
        }

        var conflicting = new List<string>();
        void Check(string name, object? value)
        {
            if (value is not null && (value is not string text || !string.IsNullOrWhiteSpace(text)))
            {
                conflicting.Add(name);
            }
        }

        Check(nameof(options.CertificatePath), options.CertificatePath);
        Check(nameof(options.CertificateData), options.CertificateData);
        Check(nameof(options.Certificate), options.Certificate);
        Check(nameof(options.PrivateKeyPath), options.PrivateKeyPath);
        Check(nameof(options.PrivateKeyData), options.PrivateKeyData);
        Check(nameof(options.SigningKey), options.SigningKey);
        return conflicting.Count == 0
            ? null
            : $"CertificateSelector/CertificateStoreName take the certificate and its key from the certificate store; remove {string.Join(", ", conflicting)}, or remove the store settings to use those instead.";
    }

    private static bool IsPkcs11(string? value) =>
        value is not null && value.StartsWith(Pkcs11Scheme, StringComparison.OrdinalIgnoreCase);
}
