using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.Testing.Certificates;

namespace RolesAnywhere.Credentials.Hardware.Tests.KeySources.CertificateStore;

/// <summary>
/// Two CurrentUser stores with names unique to this run (the .NET user store on Linux), filled with
/// certificates for the selection tests and removed again when the process exits.
/// </summary>
internal sealed class TestCertificateStore
{
    public const string AppSubject = "CN=ra-store-app";
    public const string OtherSubject = "CN=ra-store-other";

    private static readonly Lazy<TestCertificateStore> s_instance = new(Create);

    private TestCertificateStore(string mainStore, string singleStore)
    {
        MainStore = mainStore;
        SingleStore = singleStore;
    }

    public static TestCertificateStore Instance => s_instance.Value;

    /// <summary>Gets the store holding: current and renewed (same subject), expired, key-less, and other.</summary>
    public string MainStore { get; }

    /// <summary>Gets the store holding one usable certificate and one expired one.</summary>
    public string SingleStore { get; }

    public X509Certificate2 Current { get; private set; } = null!;

    public X509Certificate2 Renewed { get; private set; } = null!;

    public X509Certificate2 Expired { get; private set; } = null!;

    public X509Certificate2 KeyLess { get; private set; } = null!;

    public X509Certificate2 Other { get; private set; } = null!;

    public X509Certificate2 Single { get; private set; } = null!;

    private static TestCertificateStore Create()
    {
        string suffix = Guid.NewGuid().ToString("N")[..12];
        var store = new TestCertificateStore("ra-main-" + suffix, "ra-single-" + suffix);
        var ca = HardwareIssuer.Authority;
        var now = DateTimeOffset.UtcNow;
        store.Current = ca.IssueClientCertificate(new() { SubjectName = AppSubject, KeyType = TestKeyType.EcdsaP256, NotBefore = now.AddDays(-1), NotAfter = now.AddDays(30) });
        store.Renewed = ca.IssueClientCertificate(new() { SubjectName = AppSubject, KeyType = TestKeyType.Rsa2048, NotBefore = now.AddHours(-1), NotAfter = now.AddDays(60) });
        store.Expired = ca.IssueClientCertificate(new() { SubjectName = AppSubject, KeyType = TestKeyType.EcdsaP256, NotBefore = now.AddDays(-60), NotAfter = now.AddDays(-1) });
        using (var withKey = ca.IssueClientCertificate(new() { SubjectName = AppSubject, KeyType = TestKeyType.EcdsaP256, NotBefore = now.AddDays(-1), NotAfter = now.AddDays(90) }))
        {
            store.KeyLess = X509CertificateLoader.LoadCertificate(withKey.RawData);
        }

        store.Other = ca.IssueClientCertificate(new() { SubjectName = OtherSubject, KeyType = TestKeyType.EcdsaP256 });
        store.Single = ca.IssueClientCertificate(new() { SubjectName = "CN=ra-store-single", KeyType = TestKeyType.EcdsaP256 });

        Add(store.MainStore, store.Current, store.Renewed, store.Expired, store.KeyLess, store.Other);
        Add(store.SingleStore, store.Single, store.Expired);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => store.Remove();
        return store;
    }

    private static void Add(string name, params X509Certificate2[] certificates)
    {
        using var x509Store = new X509Store(name, StoreLocation.CurrentUser);
        x509Store.Open(OpenFlags.ReadWrite);
        foreach (var certificate in certificates)
        {
            x509Store.Add(certificate);
        }
    }

    private void Remove()
    {
        foreach (string name in (string[])[MainStore, SingleStore])
        {
            try
            {
                using var x509Store = new X509Store(name, StoreLocation.CurrentUser);
                x509Store.Open(OpenFlags.ReadWrite | OpenFlags.OpenExistingOnly);
                x509Store.RemoveRange(x509Store.Certificates);
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
            }

            // The .NET user store on Linux keeps one directory per store name.
            string directory = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "corefx", "cryptography", "x509stores", name.ToLowerInvariant());
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
