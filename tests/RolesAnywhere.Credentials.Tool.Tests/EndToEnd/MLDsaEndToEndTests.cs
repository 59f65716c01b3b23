using System.Text.Json;
using RolesAnywhere.Credentials.TestSupport;
using RolesAnywhere.Credentials.Tool.Tests.Support;

namespace RolesAnywhere.Credentials.Tool.Tests.EndToEnd;

/// <summary>
/// The tool's <c>credential-process</c> with ML-DSA certificates and keys (made by Python cryptography) against the
/// emulator, alone and under the real AWS CLI v2 through a <c>credential_process</c> profile.
/// </summary>
[Collection(EndToEndGroup.Name)]
public sealed class MLDsaEndToEndTests : IDisposable
{
    private readonly EmulatorFixture emulator;
    private readonly TempDirectory home = new();

    public MLDsaEndToEndTests(EmulatorFixture emulator) => this.emulator = emulator;

    public void Dispose() => home.Dispose();

    [Theory]
    [InlineData(44)]
    [InlineData(65)]
    [InlineData(87)]
    public async Task CredentialProcess_MLDsaKey_EmulatorAcceptsTheSignature(int bits)
    {
        var before = emulator.Emulator.SuccessfulSessionCount;

        var run = await ExternalProcess.RunAsync(ToolBinary.Path, ["credential-process", .. Flags(bits), "--no-cache"], new Dictionary<string, string>());

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.StartsWith("ASIA", json.RootElement.GetProperty("AccessKeyId").GetString(), StringComparison.Ordinal);
        Assert.Equal(before + 1, emulator.Emulator.SuccessfulSessionCount);
        Assert.StartsWith("AWS4-X509-MLDSA Credential=", emulator.Emulator.Requests.Last(r => r.Path == "/sessions").Headers["Authorization"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(44)]
    [InlineData(65)]
    [InlineData(87)]
    public async Task AwsCli_CredentialProcessProfileWithMLDsaKey_ExportsCredentials(int bits)
    {
        RealClients.RequireAwsCli();
        var command = string.Join(' ', new[] { ToolBinary.Path, "credential-process" }.Concat(Flags(bits)));
        var config = home.File("config");
        File.WriteAllText(config, $"[profile pq]\nregion = us-east-1\ncredential_process = {command}\n");
        var env = new Dictionary<string, string>
        {
            ["HOME"] = home.Path,
            ["AWS_CONFIG_FILE"] = config,
            ["AWS_SHARED_CREDENTIALS_FILE"] = home.File("credentials"),
            ["ROLESANYWHERE_CACHE_DIR"] = home.File("cache"),
        };

        var export = await ExternalProcess.RunAsync(RealClients.AwsCli, ["configure", "export-credentials", "--profile", "pq", "--format", "process"], env);

        Assert.True(export.ExitCode == 0, export.ToString());
        using var exported = JsonDocument.Parse(export.Stdout);
        Assert.StartsWith("ASIA", exported.RootElement.GetProperty("AccessKeyId").GetString(), StringComparison.Ordinal);
        Assert.True(exported.RootElement.TryGetProperty("Expiration", out _));
    }

    // Paths without spaces (the test output folder), so the credential_process line needs no quoting.
    private string[] Flags(int bits) =>
    [
        "--certificate", TestVectors.PathOf($"mldsa/mldsa{bits}-leaf.pem"),
        "--private-key", TestVectors.PathOf($"mldsa/mldsa{bits}-leaf.key"),
        "--trust-anchor-arn", emulator.Emulator.AddTrustAnchor(System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(TestVectors.ReadText($"mldsa/mldsa{bits}-root.pem"))),
        "--profile-arn", emulator.ProfileArn, "--role-arn", emulator.RoleArn,
        "--endpoint", emulator.Emulator.Endpoint.ToString().TrimEnd('/'),
    ];
}
