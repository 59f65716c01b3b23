using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.Hardware.Tests.EndToEnd;
using RolesAnywhere.Credentials.Hardware.Tests.KeySources.OpenSsl;

namespace RolesAnywhere.Credentials.Hardware.Tests.Tool;

/// <summary><c>rolesanywhere</c> with persistent keys in a software TPM 2.0 (swtpm), named <c>handle:0x8100000N</c> as the official helper names them.</summary>
public sealed class ToolTpmTests(HardwareEmulatorFixture world) : IClassFixture<HardwareEmulatorFixture>
{
    [Fact]
    public async Task CredentialProcess_TpmHandle_SignsInTheTpm()
    {
        var tpm = SoftwareTpm.Require();

        var run = await ToolSession.RunAsync(ToolSession.CredentialProcess(world,
            "--private-key", SoftwareTpm.EcHandle, "--certificate", ToolSession.WritePem(tpm.EcCertificate, "tpm-ec"), "--no-tpm-key-password"));

        ToolSession.AssertIssuedFor(world, run, tpm.EcCertificate);
    }

    [Fact]
    public async Task SignString_RsaTpmHandle_SignatureVerifiesWithItsCertificate()
    {
        var tpm = SoftwareTpm.Require();
        byte[] data = "tpm string to sign"u8.ToArray();

        var run = await ToolSession.RunAsync(["sign-string", "--private-key", SoftwareTpm.RsaHandle, "--format", "bin"], data);

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var publicKey = tpm.RsaCertificate.GetRSAPublicKey()!;
        Assert.True(publicKey.VerifyData(data, run.Stdout, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public async Task SignString_TpmKeyBoundToSha256WithSha384_RefusedNamingDigestAndFix()
    {
        SoftwareTpm.Require();

        var run = await ToolSession.RunAsync(["sign-string", "--private-key", SoftwareTpm.EcHandle, "--digest", "SHA384"], "x"u8.ToArray());

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--digest SHA384", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("use --digest SHA256", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task CredentialProcess_TpmKeyPassword_RefusedBeforeAnythingIsOpenedAndNotEchoed()
    {
        var tpm = SoftwareTpm.Require();
        int before = world.Emulator.Requests.Count;

        var run = await ToolSession.RunAsync(ToolSession.CredentialProcess(world,
            "--private-key", SoftwareTpm.EcHandle, "--certificate", ToolSession.WritePem(tpm.EcCertificate, "tpm-ec"), "--tpm-key-password", "tpm-secret-77"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--tpm-key-password is not supported", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("tpm-secret-77", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, world.Emulator.Requests.Count);
    }
}
