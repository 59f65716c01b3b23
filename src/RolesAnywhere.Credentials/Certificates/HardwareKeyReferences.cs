using System.Collections.Concurrent;
using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.Certificates;

/// <summary>
/// The extension point for private keys that live in hardware: a <c>PrivateKeyPath</c> that is a
/// PKCS#11 URI (<c>pkcs11:token=…;object=…</c>, RFC 7512) or a TPM handle (<c>handle:0x81000001</c>)
/// is opened by the opener registered for its scheme (the PKCS#11 and TPM packages register theirs).
/// Without one, loading fails with an error that says which package to add.
/// </summary>
internal static class HardwareKeyReferences
{
    /// <summary>Opens the key a reference names; <paramref name="password"/> is the configured key password, if any.</summary>
    internal delegate ISigningKey Opener(string reference, string? password);

    private static readonly ConcurrentDictionary<string, Opener> Openers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Registers (or replaces) the opener for a scheme such as <c>pkcs11</c> or <c>handle</c>.</summary>
    internal static void Register(string scheme, Opener opener)
    {
        ArgumentException.ThrowIfNullOrEmpty(scheme);
        ArgumentNullException.ThrowIfNull(opener);
        Openers[scheme] = opener;
    }

    /// <summary>Removes the opener for a scheme (tests).</summary>
    internal static void Unregister(string scheme) => Openers.TryRemove(scheme, out _);

    /// <summary>Tells whether a key path is a hardware reference rather than a file.</summary>
    public static bool IsReference(string value, out string scheme)
    {
        foreach (var candidate in (ReadOnlySpan<string>)["pkcs11", "handle"])
        {
            if (value.Length > candidate.Length && value[candidate.Length] == ':' && value.StartsWith(candidate, StringComparison.OrdinalIgnoreCase))
            {
                scheme = candidate;
                return true;
            }
        }

        scheme = string.Empty;
        return false;
    }

    /// <summary>Opens the key, or explains which package is missing. The returned key is owned by the caller.</summary>
    /// <exception cref="RolesAnywhereConfigurationException">No opener is registered for the scheme, or it failed.</exception>
    public static ISigningKey Open(string reference, string scheme, string setting, string? password)
    {
        if (!Openers.TryGetValue(scheme, out var opener))
        {
            var (what, package) = scheme == "pkcs11"
                ? ("a PKCS#11 key (HSM, smart card, YubiKey)", "RolesAnywhere.Credentials.Pkcs11")
                : ("a TPM 2.0 key handle", "the TPM support package");
            throw new RolesAnywhereConfigurationException(
                $"{setting} '{Redact(reference)}' names {what}, and no {scheme}: key support is registered. Add {package} and register it, or open the key yourself and pass it as {nameof(RolesAnywhereOptions.SigningKey)}.");
        }

        try
        {
            return opener(reference, password);
        }
        catch (Exception ex) when (ex is not RolesAnywhereException and not OperationCanceledException)
        {
            throw new RolesAnywhereConfigurationException(
                $"The key {setting} '{Redact(reference)}' could not be opened: {ex.GetType().Name}. Check the reference and that the device is present.", ex);
        }
    }

    /// <summary>The reference without secrets: the query (<c>?pin-value=…</c>) and any <c>pin-</c> attribute are dropped.</summary>
    internal static string Redact(string reference)
    {
        var query = reference.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? reference : reference[..query];
        var parts = path.Split(';').Where(p => !p.Contains("pin-", StringComparison.OrdinalIgnoreCase));
        return string.Join(';', parts) + (query < 0 ? string.Empty : "?…");
    }
}
