
using RolesAnywhere.Credentials.Identity.Decoding;

namespace RolesAnywhere.Credentials.Fuzz.Targets;

/// <summary>PKCS#8 <c>PrivateKeyInfo</c> (RSA, EC and anything else a file may hold).</summary>
internal static class Pkcs8Target
{
    public static readonly FuzzTarget Target = new("pkcs8", "PrivateKeyImporter.ImportPkcs8", Run);

    private static void Run(byte[] data)
    {
        try
        {
            using var key = PrivateKeyImporter.ImportPkcs8(data, KnownMaterial.Source);
        }
        catch (RolesAnywhereConfigurationException)
        {
        }
    }
}
