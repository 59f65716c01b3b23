using System.Security.Cryptography;
using RolesAnywhere.Credentials.Tests.Renewal;

namespace RolesAnywhere.Credentials.Tool.Tests.Renewal;

/// <summary>A certificate and key pair written for a renewal test, as the files held before it.</summary>
internal sealed record RenewalPair(string Serial, byte[] Certificate, byte[] Key)
{
    /// <summary>
    /// Writes a pair issued by <paramref name="ca"/> <paramref name="age"/> days ago that expires in
    /// <paramref name="remaining"/> days (negative: expired), with DNS and IP names (Debian's cfssl drops URI names).
    /// </summary>
    public static RenewalPair Write(RenewalCa ca, string certificatePath, string keyPath, double age, double remaining)
    {
        var now = DateTimeOffset.UtcNow;
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var leaf = ca.Issue(key, now.AddDays(-age), now.AddDays(remaining), uriName: false);
        File.WriteAllText(certificatePath, leaf.ExportCertificatePem() + "\n");
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem() + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return new RenewalPair(leaf.SerialNumber, File.ReadAllBytes(certificatePath), File.ReadAllBytes(keyPath));
    }
}
