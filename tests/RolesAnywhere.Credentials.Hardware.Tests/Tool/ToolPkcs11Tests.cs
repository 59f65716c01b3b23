using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using RolesAnywhere.Credentials.Hardware.Tests.EndToEnd;
using RolesAnywhere.Credentials.Hardware.Tests.Pkcs11;

namespace RolesAnywhere.Credentials.Hardware.Tests.Tool;

/// <summary><c>rolesanywhere</c> with keys on a SoftHSM2 token: pkcs11: URIs, --pkcs11-lib and --reuse-pin, in every command that takes a key.</summary>
public sealed class ToolPkcs11Tests(HardwareEmulatorFixture world) : IClassFixture<HardwareEmulatorFixture>
{
    [Fact]
    public async Task CredentialProcess_CertificateUriAlone_SignsOnTheTokenWithItsCertificate()
    {
        var hsm = SoftHsm.Require();

        var run = await ToolSession.RunAsync(ToolSession.CredentialProcess(world, "--certificate", SoftHsm.Uri("object=p256")));

        ToolSession.AssertIssuedFor(world, run, hsm.P256Certificate);
    }

    [Fact]
    public async Task CredentialProcess_UriWithoutModulePath_LoadsModuleFromPkcs11Lib()
    {
        var hsm = SoftHsm.Require();
        var uri = $"pkcs11:token={SoftHsm.MainToken};id=%01?pin-value={SoftHsm.Pin}";

        var run = await ToolSession.RunAsync(ToolSession.CredentialProcess(world, "--private-key", uri, "--certificate", ToolSession.WritePem(hsm.RsaCertificate, "rsa"), "--pkcs11-lib", SoftHsm.ModulePath));

        ToolSession.AssertIssuedFor(world, run, hsm.RsaCertificate);
    }

    [Fact]
    public async Task CredentialProcess_NoModuleAnywhere_FailsNamingDefaultAndFlagWithoutPin()
    {
        SoftHsm.Require();
        var uri = $"pkcs11:token={SoftHsm.MainToken};object=p256?pin-value=98765";

        var run = await ToolSession.RunAsync(ToolSession.CredentialProcess(world, "--certificate", uri));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("p11-kit-proxy.so", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--pkcs11-lib", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("98765", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CredentialProcess_AlwaysAuthenticateKey_NeedsReusePin()
    {
        var hsm = SoftHsm.Require();
        var args = ToolSession.CredentialProcess(world, "--certificate", SoftHsm.Uri("object=always"));

        var refused = await ToolSession.RunAsync(args);
        var reused = await ToolSession.RunAsync([.. args, "--reuse-pin"]);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("--reuse-pin", refused.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("pin-value=" + SoftHsm.Pin, refused.Stderr, StringComparison.Ordinal);
        ToolSession.AssertIssuedFor(world, reused, hsm.AlwaysAuthenticateCertificate);
    }

    [Fact]
    public async Task CredentialProcess_WrongPin_FailsWithTokenReturnCodeAndNoPin()
    {
        SoftHsm.Require();

        var run = await ToolSession.RunAsync(ToolSession.CredentialProcess(world, "--certificate", SoftHsm.Uri("object=p256", SoftHsm.PinToken, pin: "424242")));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("PIN", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("424242", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignString_TokenKey_SignatureVerifiesWithTokenCertificate()
    {
        var hsm = SoftHsm.Require();
        byte[] data = "string to sign"u8.ToArray();

        var run = await ToolSession.RunAsync(["sign-string", "--private-key", SoftHsm.Uri("object=p256"), "--format", "bin"], data);

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var publicKey = hsm.P256Certificate.GetECDsaPublicKey()!;
        Assert.True(publicKey.VerifyData(data, run.Stdout, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }

    [Fact]
    public async Task SignString_TokenKeyWithSha384_RefusedNamingDigest()
    {
        SoftHsm.Require();

        var run = await ToolSession.RunAsync(["sign-string", "--private-key", SoftHsm.Uri("object=rsa"), "--digest", "SHA384"], "x"u8.ToArray());

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--digest SHA384", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("SHA256", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task ReadCertificateData_TokenUri_DescribesTheCertificateStoredWithTheKey()
    {
        var hsm = SoftHsm.Require();

        var run = await ToolSession.RunAsync(["read-certificate-data", "--certificate", $"pkcs11:token={SoftHsm.MainToken};object=rsa?pin-value={SoftHsm.Pin}", "--pkcs11-lib", SoftHsm.ModulePath]);

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(Convert.ToBase64String(hsm.RsaCertificate.RawData), json.RootElement.GetProperty("certificateData").GetString());
        Assert.Equal("RSA", json.RootElement.GetProperty("keyType").GetString());
    }

    [Fact]
    public async Task CredentialProcess_UriWithoutPin_AsksThePromptForTheToken()
    {
        var hsm = SoftHsm.Require();
        var asked = new List<string>();

        var run = await ToolSession.RunAsync(
            ToolSession.CredentialProcess(world, "--certificate", SoftHsm.Uri("object=p256", pin: null)),
            pinPrompt: token =>
            {
                asked.Add(token);
                return SoftHsm.Pin;
            });

        ToolSession.AssertIssuedFor(world, run, hsm.P256Certificate);
        Assert.Equal([SoftHsm.MainToken], asked);
    }

    [Fact]
    public async Task SignString_UriWithoutPinAndNobodyToAsk_FailsNamingPinValue()
    {
        SoftHsm.Require();

        // The PIN token: no test ever logs into it, and PKCS#11 keeps a login for the whole process.
        var run = await ToolSession.RunAsync(["sign-string", "--private-key", SoftHsm.Uri("object=rsa", SoftHsm.PinToken, pin: null)], "x"u8.ToArray());

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("No PIN was given", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("pin-value", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task ReadCertificateData_PublicCertificateWithoutPin_NeedsNoLogin()
    {
        var hsm = SoftHsm.Require();

        var run = await ToolSession.RunAsync(["read-certificate-data", "--certificate", $"pkcs11:token={SoftHsm.PinToken};object=public-cert", "--pkcs11-lib", SoftHsm.ModulePath]);

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(Convert.ToBase64String(hsm.RsaCertificate.RawData), json.RootElement.GetProperty("certificateData").GetString());
    }
}
