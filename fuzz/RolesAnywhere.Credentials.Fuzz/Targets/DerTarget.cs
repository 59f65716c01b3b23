
using RolesAnywhere.Credentials.Identity.Decoding;

namespace RolesAnywhere.Credentials.Fuzz.Targets;

/// <summary>A file's bytes: DER certificates and keys (PKCS#1, SEC1, PKCS#8, encrypted PKCS#8), PKCS#12, or text, as classified.</summary>
internal static class DerTarget
{
    public static readonly FuzzTarget Target = new("der", "MaterialDecoder.Decode (DER classification and decoding)", Run);

    private static void Run(byte[] data)
    {
        try
        {
            using var material = MaterialDecoder.Decode(data, KnownMaterial.Source, KnownMaterial.Password);
        }
        catch (RolesAnywhereConfigurationException)
        {
        }
    }
}
