using RolesAnywhere.Credentials.Testing;
using RolesAnywhere.Credentials.Testing.Certificates;
using RolesAnywhere.Credentials.Tool.Tests.Support;

namespace RolesAnywhere.Credentials.Tool.Tests.EndToEnd;

/// <summary>
/// One emulator for the end-to-end tests: a test CA registered as trust anchor, a profile allowing
/// one role, and a client certificate and key written as PEM files for the tool's flags.
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public const string RoleName = "ToolEndToEndRole";

    private readonly TempDirectory files = new();
    private TestCertificateAuthority? authority;

    public RolesAnywhereEmulator Emulator { get; private set; } = null!;

    public string TrustAnchorArn { get; private set; } = string.Empty;

    public string ProfileArn { get; private set; } = string.Empty;

    public string RoleArn { get; private set; } = string.Empty;

    public string CertificatePath => files.File("client.pem");

    public string PrivateKeyPath => files.File("client.key");

    public async ValueTask InitializeAsync()
    {
        Emulator = await RolesAnywhereEmulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        authority = TestCertificateAuthority.CreateRoot();
        TrustAnchorArn = Emulator.AddTrustAnchor(authority.Certificate);
        RoleArn = Emulator.RoleArn(RoleName);
        ProfileArn = Emulator.AddProfile(new EmulatorProfile { RoleArns = [RoleArn] });
        using var client = authority.IssueClientCertificate(new TestCertificateOptions { SubjectName = "CN=rolesanywhere-tool-test" });
        await File.WriteAllTextAsync(CertificatePath, TestCertificatePem.Certificate(client));
        await File.WriteAllTextAsync(PrivateKeyPath, TestCertificatePem.PrivateKey(client));
    }

    public async ValueTask DisposeAsync()
    {
        await Emulator.DisposeAsync();
        authority?.Dispose();
        files.Dispose();
    }

    /// <summary>The tool's flags for a session from this emulator.</summary>
    public string[] SessionFlags(params string[] extra) =>
    [
        "--certificate", CertificatePath, "--private-key", PrivateKeyPath,
        "--trust-anchor-arn", TrustAnchorArn, "--profile-arn", ProfileArn, "--role-arn", RoleArn,
        "--endpoint", Emulator.Endpoint.ToString().TrimEnd('/'),
        .. extra,
    ];
}
