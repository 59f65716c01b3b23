namespace RolesAnywhere.Credentials.Signing;

/// <summary>
/// Recognises TPM key references in <see cref="RolesAnywhereOptions.PrivateKeyPath"/>: a persistent handle
/// (<c>handle:0x81000001</c>) or a TSS2 key file, both opened through the OpenSSL <c>tpm2</c> provider.
/// </summary>
internal static class OpenSslKeySource
{
    private const string HandlePrefix = "handle:";
    private const string Tss2PemHeader = "-----BEGIN TSS2 PRIVATE KEY-----";

    public static bool CanOpen(string keyReference) =>
        keyReference.StartsWith(HandlePrefix, StringComparison.OrdinalIgnoreCase) || IsTss2KeyFile(keyReference);

    public static OpenedSigningKey Open(string keyReference) =>
        new(OpenSslProviderKey.Open(OpenSslProviderKey.Tpm2Provider, keyReference), null);

    private static bool IsTss2KeyFile(string path)
    {
        if (path.Contains('\n', StringComparison.Ordinal) || !File.Exists(path))
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
