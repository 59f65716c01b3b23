namespace RolesAnywhere.Credentials.KeySources.OpenSsl;

/// <summary>
/// Recognises TPM key references in <see cref="RolesAnywhereOptions.PrivateKeyPath"/>: a persistent handle
/// (<c>handle:0x81000001</c>), opened through the OpenSSL <c>tpm2</c> provider, and TSS2 key files, which
/// get a clear error (the provider API .NET offers cannot load them). A built-in <see cref="ISigningKeySource"/>,
/// consulted after the ones in <see cref="RolesAnywhereOptions.SigningKeySources"/>.
/// </summary>
internal sealed class TpmKeySource : ISigningKeySource
{
    /// <summary>The one instance: the source holds no state.</summary>
    public static readonly TpmKeySource Instance = new();

    private const string HandlePrefix = "handle:";
    private const string Tss2PemHeader = "-----BEGIN TSS2 PRIVATE KEY-----";

    /// <inheritdoc/>
    public bool CanOpen(string keyReference) =>
        keyReference.StartsWith(HandlePrefix, StringComparison.OrdinalIgnoreCase) || IsTss2KeyFile(keyReference);

    /// <inheritdoc/>
    public OpenedSigningKey Open(string keyReference, RolesAnywhereOptions options)
    {
        if (!keyReference.StartsWith(HandlePrefix, StringComparison.OrdinalIgnoreCase))
        {
            throw new RolesAnywhereConfigurationException(
                $"PrivateKeyPath '{keyReference}' is a TSS2 TPM key file, which .NET cannot open through the OpenSSL tpm2 provider. Make the key persistent ('tpm2_load -C <parent> -u key.pub -r key.priv -c key.ctx' then 'tpm2_evictcontrol -C o -c key.ctx 0x81000001') and set PrivateKeyPath to 'handle:0x81000001'.");
        }

        return new(OpenSslProviderKey.Open(OpenSslProviderKey.Tpm2Provider, keyReference), null);
    }

    private static bool IsTss2KeyFile(string path)
    {
        // Not a FIFO or device either: peeking at one could block forever (the file loader names it).
        if (path.Contains('\n', StringComparison.Ordinal) || !File.Exists(path) || Interop.UnixFile.DescribeIfNotRegular(path) is not null)
        {
            return false;
        }

        try
        {
            using var reader = new StreamReader(path);
            char[] start = new char[Tss2PemHeader.Length + 8]; // Room for a byte-order mark and leading blank lines.
            int read = reader.ReadBlock(start, 0, start.Length);
            return new string(start, 0, read).Contains(Tss2PemHeader, StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false; // The file loader reports unreadable files with its own message.
        }
    }
}
