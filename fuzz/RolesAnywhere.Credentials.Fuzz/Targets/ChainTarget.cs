using System.Text;
using RolesAnywhere.Credentials.Identity;

namespace RolesAnywhere.Credentials.Fuzz.Targets;

/// <summary>
/// Certificate chain loading: the fuzzed bytes are the intermediates (<c>IntermediatesData</c>) of a valid leaf and
/// key, loaded the way the credentials load them (decode, drop the leaf, self-issued roots and repeats).
/// </summary>
internal static class ChainTarget
{
    public static readonly FuzzTarget Target = new("chain", "SigningIdentityLoader.Load (IntermediatesData)", Run);

    private static void Run(byte[] data)
    {
        var options = new RolesAnywhereOptions
        {
            CertificateData = KnownMaterial.LeafPem,
            PrivateKeyData = KnownMaterial.LeafKeyPem,
            IntermediatesData = Encoding.UTF8.GetString(data),
        };
        try
        {
            using var identity = SigningIdentityLoader.Load(options, TimeProvider.System);
        }
        catch (RolesAnywhereConfigurationException)
        {
        }
    }
}
