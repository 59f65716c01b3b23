using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography;
using RolesAnywhere.Credentials.Identity.Decoding;

namespace RolesAnywhere.Credentials.Fuzz.Targets;

/// <summary>What the harnesses hold fixed around the fuzzed bytes: the password of encrypted seeds, a source for messages, a leaf and its key.</summary>
internal static class KnownMaterial
{
    /// <summary>The password the encrypted seeds (PKCS#8, PKCS#12) were made with, so mutations reach the decrypted content.</summary>
    public const string Password = "fuzz";

    public static readonly MaterialSource Source = new("CertificatePath", "/fuzz/input", "PrivateKeyPassword");

    private static readonly Lazy<(string Certificate, string Key)> Leaf = new(() =>
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=fuzz-leaf", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    });

    public static string LeafPem => Leaf.Value.Certificate;

    public static string LeafKeyPem => Leaf.Value.Key;
}
