using Net.Pkcs11Interop.HighLevelAPI;
using RolesAnywhere.Credentials.Pkcs11;
using RolesAnywhere.Credentials.Pkcs11.Interop;

namespace RolesAnywhere.Credentials.Hardware.Tests.Pkcs11;

public sealed class Pkcs11ErrorTests
{
    private const ulong CkrPinIncorrect = 0xA0;

    [Fact]
    public void Open_ModuleMissing_ThrowsNamingModulePath()
    {
        var ex = Assert.Throws<RolesAnywherePkcs11Exception>(() =>
            Pkcs11SigningKey.Open("pkcs11:object=k?module-path=/nonexistent/libnothing.so"));

        Assert.Contains("'/nonexistent/libnothing.so' was not found", ex.Message, StringComparison.Ordinal);
        Assert.Null(ex.ReturnValue);
    }

    [Fact]
    public void Open_OnlyModuleName_ThrowsAskingForModulePath()
    {
        // module-name is never looked up in a search path (a library found by name could be anyone's); the official
        // helper ignores both module attributes and loads --pkcs11-lib.
        var ex = Assert.Throws<RolesAnywherePkcs11Exception>(() => Pkcs11SigningKey.Open("pkcs11:object=k?module-name=softhsm2"));

        Assert.Contains("add module-path", ex.Message, StringComparison.Ordinal);
        Assert.Contains("module-name is not searched for", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_ModuleNotALibrary_ThrowsCouldNotBeLoaded()
    {
        string fake = Path.Combine(Path.GetTempPath(), $"ra-fake-{Guid.NewGuid():N}.so");
        File.WriteAllText(fake, "not an ELF file");
        try
        {
            var ex = Assert.Throws<RolesAnywherePkcs11Exception>(() => Pkcs11SigningKey.Open($"pkcs11:object=k?module-path={fake}"));

            Assert.Contains(fake, ex.Message, StringComparison.Ordinal);
            Assert.Contains("could not be loaded", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(fake);
        }
    }

    [Fact]
    public void Open_ModuleBuiltForAnotherArchitecture_ThrowsNamingThisProcessArchitecture()
    {
        SoftHsm.Require();
        // The real SoftHSM2 module with its ELF class byte saying 32-bit: what the loader sees when a
        // 32-bit (or other-architecture) build of a vendor's module is installed.
        string foreign = Path.Combine(Path.GetTempPath(), $"ra-elf32-{Guid.NewGuid():N}.so");
        var bytes = File.ReadAllBytes(SoftHsm.ModulePath);
        bytes[4] = 1;
        File.WriteAllBytes(foreign, bytes);
        try
        {
            var ex = Assert.Throws<RolesAnywherePkcs11Exception>(() => Pkcs11SigningKey.Open($"pkcs11:object=k?module-path={foreign}"));

            Assert.Contains(foreign, ex.Message, StringComparison.Ordinal);
            Assert.Contains($"is not a {System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture} library", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(foreign);
        }
    }

    [Fact]
    public void Open_NoModuleAnywhere_ThrowsNamingBothSettings()
    {
        var ex = Assert.Throws<RolesAnywherePkcs11Exception>(() => Pkcs11SigningKey.Open("pkcs11:object=k"));

        Assert.Contains("module-path", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Pkcs11SigningKeyOptions.ModulePath", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_TokenNotFound_ListsTokensPresent()
    {
        SoftHsm.Require();

        var ex = Assert.Throws<RolesAnywherePkcs11Exception>(() => Pkcs11SigningKey.Open(SoftHsm.Uri("object=rsa", token: "no-such-token")));

        Assert.Contains("No PKCS#11 token matches", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"'{SoftHsm.MainToken}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_SeveralTokensMatch_ListsThem()
    {
        SoftHsm.Require();

        var ex = Assert.Throws<RolesAnywherePkcs11Exception>(() =>
            Pkcs11SigningKey.Open($"pkcs11:object=rsa?module-path={SoftHsm.ModulePath}&pin-value={SoftHsm.Pin}"));

        Assert.Contains("Several PKCS#11 tokens match", ex.Message, StringComparison.Ordinal);
        Assert.Contains(SoftHsm.MainToken, ex.Message, StringComparison.Ordinal);
        Assert.Contains(SoftHsm.PinToken, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SoftHsm.Pin, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_WrongPin_ThrowsPinIncorrectWithCode()
    {
        SoftHsm.Require();

        var ex = Assert.Throws<RolesAnywherePkcs11Exception>(() =>
            Pkcs11SigningKey.Open(SoftHsm.Uri("object=any", token: SoftHsm.PinToken, pin: "987654")));

        Assert.Equal(CkrPinIncorrect, ex.ReturnValue);
        Assert.Equal("C_Login", ex.Function);
        Assert.Contains("CKR_PIN_INCORRECT", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("987654", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_SeveralKeysMatchLabel_ListsTheirIds()
    {
        SoftHsm.Require();

        var ex = Assert.Throws<RolesAnywherePkcs11Exception>(() => Pkcs11SigningKey.Open(SoftHsm.Uri("object=twin")));

        Assert.Contains("Several private keys match", ex.Message, StringComparison.Ordinal);
        Assert.Contains("id=%06", ex.Message, StringComparison.Ordinal);
        Assert.Contains("id=%07", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_KeyNotFound_ListsKeysPresent()
    {
        SoftHsm.Require();

        var ex = Assert.Throws<RolesAnywherePkcs11Exception>(() => Pkcs11SigningKey.Open(SoftHsm.Uri("object=absent")));

        Assert.Contains("No private key matches", ex.Message, StringComparison.Ordinal);
        Assert.Contains("object=rsa", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_KeyNotFoundWithoutPin_SuggestsLogin()
    {
        SoftHsm.Require();

        var ex = Assert.Throws<RolesAnywherePkcs11Exception>(() => Pkcs11SigningKey.Open(SoftHsm.Uri("object=rsa", token: SoftHsm.PinToken, pin: null)));

        Assert.Contains("No PIN was given", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_CertificateOfAnotherKey_ThrowsMismatch()
    {
        SoftHsm.Require();

        var ex = Assert.Throws<RolesAnywherePkcs11Exception>(() => Pkcs11SigningKey.Open(SoftHsm.Uri("object=mismatch")));

        Assert.Contains("does not hold the public key", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_TypeCert_ThrowsNeedsPrivate()
    {
        SoftHsm.Require();

        var ex = Assert.Throws<RolesAnywherePkcs11Exception>(() => Pkcs11SigningKey.Open(SoftHsm.Uri("object=rsa;type=cert")));

        Assert.Contains("type=private", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_LibraryAttributesOfAnotherModule_ThrowsNamingTheModule()
    {
        // The earlier parser ignored library-manufacturer/-description/-version; they now select the module (C_GetInfo).
        SoftHsm.Require();

        var ex = Assert.Throws<RolesAnywherePkcs11Exception>(() => Pkcs11SigningKey.Open(SoftHsm.Uri("object=rsa;library-manufacturer=OpenSC%20Project")));

        Assert.Contains($"The PKCS#11 module '{SoftHsm.ModulePath}' is library-manufacturer=", ex.Message, StringComparison.Ordinal);
        Assert.Contains("library-manufacturer=OpenSC Project", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SoftHsm.Pin, ex.Message.Replace(SoftHsm.ModulePath, string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Open_LibraryAttributesOfThisModule_Opens()
    {
        SoftHsm.Require();
        ILibraryInfo info;
        using (var module = Pkcs11Module.Acquire(SoftHsm.ModulePath))
        {
            info = module.Library.GetInfo();
        }

        string library = $"library-manufacturer={Uri.EscapeDataString(info.ManufacturerId.TrimEnd(' '))};" +
            $"library-description={Uri.EscapeDataString(info.LibraryDescription.TrimEnd(' '))};library-version={info.LibraryVersion}";
        using var key = Pkcs11SigningKey.Open(SoftHsm.Uri("object=rsa;" + library));

        Assert.NotNull(key.Certificate);
    }
}
