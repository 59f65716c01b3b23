using System.Text;
using RolesAnywhere.Credentials.Pkcs11;

namespace RolesAnywhere.Credentials.Fuzz.Targets;

/// <summary>RFC 7512 <c>pkcs11:</c> URIs as given in <c>--private-key</c>, <c>--certificate</c> or the options.</summary>
internal static class Pkcs11UriTarget
{
    public static readonly FuzzTarget Target = new("pkcs11-uri", "Pkcs11Uri.Parse", Run);

    private static void Run(byte[] data)
    {
        try
        {
            _ = Pkcs11Uri.Parse(Encoding.UTF8.GetString(data), "PrivateKeyPath");
        }
        catch (RolesAnywhereConfigurationException)
        {
        }
    }
}
