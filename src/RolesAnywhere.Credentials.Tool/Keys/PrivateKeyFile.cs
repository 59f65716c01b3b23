using System.Security.Cryptography;

namespace RolesAnywhere.Credentials.Tool.Keys;

/// <summary>Reads the private key for <c>sign-string</c>.</summary>
internal static class PrivateKeyFile
{
    public static AsymmetricAlgorithm Load(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new RolesAnywhereConfigurationException($"The private key file '{path}' does not exist. Check --private-key.");
        }

        var text = File.ReadAllText(path);
        foreach (var create in (ReadOnlySpan<Func<AsymmetricAlgorithm>>)[RSA.Create, ECDsa.Create])
        {
            var key = create();
            try
            {
                if (password is null)
                {
                    key.ImportFromPem(text);
                }
                else
                {
                    key.ImportFromEncryptedPem(text, password);
                }

                return key;
            }
            catch (Exception e) when (e is CryptographicException or ArgumentException)
            {
                key.Dispose();
            }
        }

        throw new RolesAnywhereConfigurationException(
            $"The private key file '{path}' holds no RSA or EC private key this tool can read" + (password is null ? " (if it is encrypted, pass --pkcs8-password)." : " with the given --pkcs8-password."));
    }
}
