using System.Text;
using RolesAnywhere.Credentials.Identity.Decoding;

namespace RolesAnywhere.Credentials.Fuzz.Targets;

/// <summary>PEM text: certificate and key blocks of every kind, <c>openssl x509 -text</c> noise, bare base64 DER.</summary>
internal static class PemTarget
{
    public static readonly FuzzTarget Target = new("pem", "MaterialDecoder.DecodeText (PEM blocks, base64 DER)", Run);

    private static void Run(byte[] data)
    {
        try
        {
            using var material = MaterialDecoder.DecodeText(Encoding.UTF8.GetString(data), KnownMaterial.Source, KnownMaterial.Password);
        }
        catch (RolesAnywhereConfigurationException)
        {
        }
    }
}
