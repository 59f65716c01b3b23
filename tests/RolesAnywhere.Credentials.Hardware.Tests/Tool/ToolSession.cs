using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using RolesAnywhere.Credentials.Hardware.Tests.EndToEnd;
using RolesAnywhere.Credentials.Tool.Credentials;
using RolesAnywhere.Credentials.Tool.Tests.Support;

namespace RolesAnywhere.Credentials.Hardware.Tests.Tool;

/// <summary>
/// Runs <c>rolesanywhere</c> in-process with the library as its credential source, against the hardware
/// tests' emulator, and checks what the emulator saw: the certificate a session was issued for.
/// </summary>
internal static class ToolSession
{
    public static string[] CredentialProcess(HardwareEmulatorFixture world, params string[] keyFlags) =>
    [
        "credential-process", "--no-cache",
        "--trust-anchor-arn", world.TrustAnchorArn,
        "--profile-arn", world.ProfileArn,
        "--role-arn", world.RoleArn,
        "--endpoint", world.Emulator.Endpoint.ToString(),
        .. keyFlags,
    ];

    public static Task<ToolRun> RunAsync(string[] args, byte[]? stdin = null, Func<string, string?>? pinPrompt = null) =>
        ToolRun.RunAsync(args, arguments => LibraryCredentialSource.Create(arguments, pinPrompt), stdin, pinPrompt: pinPrompt);

    /// <summary>Asserts the run printed credentials the emulator issued, to a request signed for <paramref name="certificate"/>.</summary>
    public static void AssertIssuedFor(HardwareEmulatorFixture world, ToolRun run, X509Certificate2 certificate)
    {
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}");
        AssertIssuedFor(world, run.StdoutText, certificate);
    }

    /// <summary>Asserts <paramref name="credentialProcessJson"/> holds credentials the emulator issued, to a request signed for <paramref name="certificate"/>.</summary>
    public static void AssertIssuedFor(HardwareEmulatorFixture world, string credentialProcessJson, X509Certificate2 certificate)
    {
        using var json = JsonDocument.Parse(credentialProcessJson);
        Assert.Equal(1, json.RootElement.GetProperty("Version").GetInt32());
        var accessKeyId = json.RootElement.GetProperty("AccessKeyId").GetString();
        var request = Assert.Single(world.Emulator.Requests, r => r.IssuedAccessKeyId == accessKeyId);
        Assert.Equal(201, request.StatusCode);
        Assert.Equal(Convert.ToBase64String(certificate.RawData), request.Headers["X-Amz-X509"]);
    }

    public static string WritePem(X509Certificate2 certificate, string name)
    {
        string path = Path.Combine(Path.GetTempPath(), $"ra-tool-{name}-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, certificate.ExportCertificatePem());
        return path;
    }
}
