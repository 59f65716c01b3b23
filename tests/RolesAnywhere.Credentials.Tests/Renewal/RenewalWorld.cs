using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography;
using RolesAnywhere.Credentials.Identity;
using RolesAnywhere.Credentials.Renewal;
using RolesAnywhere.Credentials.Tests.Identity;

namespace RolesAnywhere.Credentials.Tests.Renewal;

/// <summary>
/// A folder with a CA (<see cref="RenewalCa"/>) and a certificate and key it issued, in the files a renewal replaces
/// (<c>client.pem</c> 0644, <c>client.key</c> 0600), with the real <c>openssl</c> as the command issuer.
/// </summary>
internal sealed class RenewalWorld : IDisposable
{
    private static readonly Lazy<byte[]> SharedRsaKey = new(() =>
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportRSAPrivateKey();
    });

    private readonly RenewalCa _ownCa;

    private RenewalWorld(string folder, RenewalCa ca)
    {
        Folder = folder;
        Ca = ca;
        _ownCa = ca;
        CertificatePath = Path.Combine(folder, "client.pem");
        KeyPath = Path.Combine(folder, "client.key");
    }

    public string Folder { get; }

    /// <summary>Gets the CA that issued the pair and is the trust anchor.</summary>
    public RenewalCa Ca { get; private set; }

    public string CertificatePath { get; }

    public string KeyPath { get; }

    /// <summary>Makes the world with a certificate <paramref name="age"/> old that expires in <paramref name="remaining"/>.</summary>
    public static RenewalWorld Create(TimeSpan age, TimeSpan remaining, bool rsa = false, string? folder = null, string? password = null)
    {
        folder ??= Directory.CreateTempSubdirectory("ra-renewal-").FullName;
        var world = new RenewalWorld(folder, RenewalCa.Create(folder, "ca"));
        world.WritePair(age, remaining, rsa, password);
        return world;
    }

    /// <summary>Creates a due world (25 of 30 days passed).</summary>
    public static RenewalWorld Due(bool rsa = false, string? folder = null, string? password = null) =>
        Create(TimeSpan.FromDays(25), TimeSpan.FromDays(5), rsa, folder, password);

    public void WritePair(TimeSpan age, TimeSpan remaining, bool rsa = false, string? password = null, bool uriName = true)
    {
        var now = DateTimeOffset.UtcNow;
        // RSA keys take long to make on a loaded machine: the first pair's is made once per run (each renewal makes its own).
        using AsymmetricAlgorithm key = rsa ? SharedRsa() : ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var leaf = Ca.Issue(key, now - age, now + remaining, uriName: uriName);
        File.WriteAllText(CertificatePath, leaf.ExportCertificatePem() + "\n");
        File.WriteAllText(KeyPath, (password is null ? key.ExportPkcs8PrivateKeyPem() : key.ExportEncryptedPkcs8PrivateKeyPem(password, new PbeParameters(PbeEncryptionAlgorithm.Aes128Cbc, HashAlgorithmName.SHA256, 1000))) + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(CertificatePath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            File.SetUnixFileMode(KeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static RSA SharedRsa()
    {
        var copy = RSA.Create();
        copy.ImportRSAPrivateKey(SharedRsaKey.Value, out _);
        return copy;
    }

    /// <summary>Replaces the pair with a due one issued by <paramref name="ca"/>, which becomes the trust anchor.</summary>
    public void UseCa(RenewalCa ca, bool uriName)
    {
        Ca = ca;
        WritePair(TimeSpan.FromDays(25), TimeSpan.FromDays(5), uriName: uriName);
    }

    public X509Certificate2 CurrentCertificate() => CertificateFile.ReadFirst(CertificatePath, "CertificatePath");

    /// <summary>The real openssl as a CA: <c>openssl x509 -req</c> signs the CSR from standard input.</summary>
    /// <param name="days">The validity the CA gives.</param>
    /// <param name="copyNames">Whether the CA copies the requested names; without, it issues a certificate with key usages only.</param>
    public CommandCertificateIssuer OpenSslIssuer(int days = 30, bool copyNames = true)
    {
        string[] extensions = ["-copy_extensions", "copy"];
        if (!copyNames)
        {
            var file = Path.Combine(Folder, "no-names.cnf");
            File.WriteAllText(file, "keyUsage = critical, digitalSignature\nextendedKeyUsage = clientAuth\n");
            extensions = ["-extfile", file];
        }

        return new("openssl", ["x509", "-req", "-CA", Ca.CertificatePath, "-CAkey", Ca.KeyPath, "-days", days.ToString(System.Globalization.CultureInfo.InvariantCulture), .. extensions]);
    }

    public CertificateRenewalOptions Options(ICertificateIssuer issuer) => new()
    {
        CertificatePath = CertificatePath,
        PrivateKeyPath = KeyPath,
        Issuer = issuer,
        TrustAnchorCertificatePath = Ca.CertificatePath,
    };

    /// <summary>Returns the bytes of the pair, to prove later that it was not touched.</summary>
    public (byte[] Certificate, byte[] Key) Snapshot() => (File.ReadAllBytes(CertificatePath), File.ReadAllBytes(KeyPath));

    public void AssertUnchanged((byte[] Certificate, byte[] Key) snapshot)
    {
        Assert.Equal(snapshot.Certificate, File.ReadAllBytes(CertificatePath));
        Assert.Equal(snapshot.Key, File.ReadAllBytes(KeyPath));
        Assert.Empty(Directory.GetFiles(Folder, "*.renewing"));
        Assert.Empty(Directory.GetFiles(Folder, "*.renewal-journal"));
        using var identity = SigningIdentity.FromFiles(CertificatePath, KeyPath);
    }

    public static void RequireOpenSsl() => OpenSsl.Run("version");

    public void Dispose()
    {
        _ownCa.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
