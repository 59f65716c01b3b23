using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.Hardware.Tests.KeySources.CertificateStore;
using RolesAnywhere.Credentials.Hardware.Tests.EndToEnd;
using RolesAnywhere.Credentials.Hardware.Tests.Pkcs11;
using RolesAnywhere.Credentials.Hardware.Tests.KeySources.OpenSsl;
using RolesAnywhere.Credentials.Tool.Tests.EndToEnd;
using RolesAnywhere.Credentials.Tool.Tests.Support;

namespace RolesAnywhere.Credentials.Hardware.Tests.Tool;

/// <summary>
/// The real AWS CLI v2 runs the built tool as its <c>credential_process</c>, with the key on a PKCS#11
/// token, in the TPM, or in the certificate store: what a user with hardware keys puts in <c>~/.aws/config</c>.
/// The tool inherits this process's SOFTHSM2_CONF; its TPM is one of its own (see
/// <see cref="SoftwareTpm.RequireForChildProcesses"/>).
/// </summary>
public sealed class ToolAwsCliTests(HardwareEmulatorFixture world) : IClassFixture<HardwareEmulatorFixture>, IDisposable
{
    private readonly TempDirectory home = new();

    public void Dispose() => home.Dispose();

    [Theory]
    [InlineData("pkcs11")]
    [InlineData("tpm")]
    [InlineData("store")]
    public async Task AwsCli_ExportCredentials_ToolSignsWithHardwareKey(string kind)
    {
        RealClients.RequireAwsCli();
        var (flags, certificate, childEnvironment) = KeyFlags(kind);
        var command = string.Join(' ', new[] { ToolBinary.Path }.Concat(ToolSession.CredentialProcess(world, flags)).Select(a => $"\"{a}\""));
        var config = home.File("config");
        await File.WriteAllTextAsync(config, $"[profile hw]\nregion = us-east-1\ncredential_process = {command}\n", TestContext.Current.CancellationToken);
        var environment = new Dictionary<string, string>
        {
            ["AWS_CONFIG_FILE"] = config,
            ["AWS_SHARED_CREDENTIALS_FILE"] = home.File("credentials"),
        };
        foreach (var (name, value) in childEnvironment)
        {
            environment[name] = value;
        }

        var export = await ExternalProcess.RunAsync(RealClients.AwsCli, ["configure", "export-credentials", "--profile", "hw", "--format", "process"], environment);

        Assert.True(export.ExitCode == 0, export.ToString());
        ToolSession.AssertIssuedFor(world, export.Stdout, certificate);
    }

    private static (string[] Flags, X509Certificate2 Certificate, Dictionary<string, string> Environment) KeyFlags(string kind)
    {
        switch (kind)
        {
            case "pkcs11":
                var hsm = SoftHsm.Require();
                return (["--certificate", SoftHsm.Uri("object=p256")], hsm.P256Certificate, []);
            case "tpm":
                var tpm = SoftwareTpm.RequireForChildProcesses();
                return (["--private-key", SoftwareTpm.RsaHandle, "--certificate", ToolSession.WritePem(tpm.RsaCertificate, "cli-tpm-rsa")], tpm.RsaCertificate,
                    new() { ["TPM2OPENSSL_TCTI"] = tpm.Tcti });
            default:
                var store = TestCertificateStore.Instance;
                return (["--system-store-name", store.SingleStore], store.Single, []);
        }
    }
}
