
using RolesAnywhere.Credentials.Identity.Decoding;

namespace RolesAnywhere.Credentials.Fuzz.Targets;

/// <summary>PKCS#12 (PFX) files, with the seeds' password.</summary>
internal static class Pkcs12Target
{
    public static readonly FuzzTarget Target = new("pkcs12", "Pkcs12Reader.Read", Run);

    private static void Run(byte[] data)
    {
        using var material = new DecodedMaterial();
        try
        {
            Pkcs12Reader.Read(data, KnownMaterial.Source, KnownMaterial.Password, material);
        }
        catch (RolesAnywhereConfigurationException)
        {
        }
    }
}
