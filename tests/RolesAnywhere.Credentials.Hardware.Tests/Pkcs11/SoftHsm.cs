using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;
using RolesAnywhere.Credentials.Pkcs11.Interop;
using RolesAnywhere.Credentials.TestSupport.Hardware;

namespace RolesAnywhere.Credentials.Hardware.Tests.Pkcs11;

/// <summary>
/// SoftHSM2 configured in a temp directory for this test run (SOFTHSM2_CONF), with tokens initialised by
/// softhsm2-util and keys generated ON the token through the module (private keys never exist outside it).
/// </summary>
internal sealed class SoftHsm
{
    public const string ModulePath = SoftHsmConfiguration.ModulePath;
    public const string MainToken = "ra-main";
    public const string PinToken = "ra-pin";
    public const string Pin = "1234";
    public const string SoPin = "5678";

    private static readonly Lazy<SoftHsm?> s_instance = new(Create);

    private SoftHsm(string directory) => Directory = directory;

    public static bool IsInstalled => SoftHsmConfiguration.IsInstalled;

    public static string MissingReason => $"SoftHSM2 is not installed ({ModulePath} and softhsm2-util; Debian package softhsm2)";

    public string Directory { get; }

    public X509Certificate2 RsaCertificate { get; private set; } = null!;

    public X509Certificate2 P256Certificate { get; private set; } = null!;

    public X509Certificate2 AlwaysAuthenticateCertificate { get; private set; } = null!;

    public X509Certificate2 NoCertKeyCertificate { get; private set; } = null!;

    /// <summary>The shared instance, or a skip (a failure under ROLESANYWHERE_REQUIRE_ALL=1) when SoftHSM2 is missing.</summary>
    public static SoftHsm Require()
    {
        TestSupport.Requirement.That(IsInstalled, MissingReason);
        return s_instance.Value ?? throw new InvalidOperationException("SoftHSM2 setup failed.");
    }

    public static string Uri(string query, string token = MainToken, string? pin = Pin) =>
        $"pkcs11:token={token};{query}?module-path={ModulePath}" + (pin is null ? string.Empty : $"&pin-value={pin}");

    private static SoftHsm? Create()
    {
        if (!IsInstalled)
        {
            return null;
        }

        string directory = Path.Combine(Path.GetTempPath(), "ra-softhsm-" + Guid.NewGuid().ToString("N"));
        SoftHsmConfiguration.Use(directory);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(directory);

        SoftHsmConfiguration.InitToken(MainToken, Pin, SoPin);
        SoftHsmConfiguration.InitToken(PinToken, Pin, SoPin);

        var hsm = new SoftHsm(directory);
        using var module = Pkcs11Module.Acquire(ModulePath);
        var slot = module.Library.GetSlotList(SlotsType.WithTokenPresent).Single(s => s.GetTokenInfo().Label.TrimEnd() == MainToken);
        using var session = slot.OpenSession(SessionType.ReadWrite);
        session.Login(CKU.CKU_USER, Pin);
        var keys = new SoftHsmKeyWriter(session);

        using (var rsa = keys.GenerateRsa("rsa", [0x01]))
        {
            hsm.RsaCertificate = HardwareIssuer.Issue(rsa, "softhsm-rsa");
            keys.StoreCertificate(hsm.RsaCertificate, "rsa", [0x01]);
        }

        using (var p256 = keys.GenerateP256("p256", [0x02], alwaysAuthenticate: false))
        {
            hsm.P256Certificate = HardwareIssuer.Issue(p256, "softhsm-p256");
            keys.StoreCertificate(hsm.P256Certificate, "p256", [0x02]);
        }

        using (var always = keys.GenerateP256("always", [0x03], alwaysAuthenticate: true))
        {
            hsm.AlwaysAuthenticateCertificate = HardwareIssuer.Issue(always, "softhsm-always");
            keys.StoreCertificate(hsm.AlwaysAuthenticateCertificate, "always", [0x03]);
        }

        using (var nocert = keys.GenerateP256("nocert", [0x04], alwaysAuthenticate: false))
        {
            hsm.NoCertKeyCertificate = HardwareIssuer.Issue(nocert, "softhsm-nocert");
        }

        // A key stored next to another key's certificate: opening it must report the mismatch.
        keys.GenerateP256("mismatch", [0x05], alwaysAuthenticate: false).Dispose();
        keys.StoreCertificate(hsm.P256Certificate, "mismatch", [0x05]);

        // Two keys with one label: selecting by label alone is ambiguous.
        keys.GenerateP256("twin", [0x06], alwaysAuthenticate: false).Dispose();
        keys.GenerateP256("twin", [0x07], alwaysAuthenticate: false).Dispose();
        session.Logout();

        // The PIN token holds only a certificate, and no test logs into it: reading it proves no login is needed.
        var pinSlot = module.Library.GetSlotList(SlotsType.WithTokenPresent).Single(s => s.GetTokenInfo().Label.TrimEnd() == PinToken);
        using (var pinSession = pinSlot.OpenSession(SessionType.ReadWrite))
        {
            pinSession.Login(CKU.CKU_USER, Pin);
            new SoftHsmKeyWriter(pinSession).StoreCertificate(hsm.RsaCertificate, "public-cert", [0x21]);
            pinSession.Logout();
        }

        return hsm;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
