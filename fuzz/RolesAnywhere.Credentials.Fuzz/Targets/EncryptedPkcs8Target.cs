
using RolesAnywhere.Credentials.Identity.Decoding;

namespace RolesAnywhere.Credentials.Fuzz.Targets;

/// <summary>PKCS#8 <c>EncryptedPrivateKeyInfo</c> (PBES2 pre-check, then the platform's decryption) with the seeds' password.</summary>
internal static class EncryptedPkcs8Target
{
    public static readonly FuzzTarget Target = new("pkcs8-encrypted", "PrivateKeyImporter.Import (EncryptedPkcs8)", Run);

    private static void Run(byte[] data)
    {
        try
        {
            using var key = PrivateKeyImporter.Import(DerKind.EncryptedPkcs8, data, KnownMaterial.Source, KnownMaterial.Password);
        }
        catch (RolesAnywhereConfigurationException)
        {
        }
    }
}
