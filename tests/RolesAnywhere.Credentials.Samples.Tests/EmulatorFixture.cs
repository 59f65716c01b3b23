using RolesAnywhere.Credentials.Testing;
using RolesAnywhere.Credentials.Testing.Certificates;

namespace RolesAnywhere.Credentials.Samples.Tests;

/// <summary>One emulator, trust anchor, profile and client certificate (as PEM files) shared by a test class.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("ra-samples-").FullName;

    public RolesAnywhereEmulator Emulator { get; private set; } = null!;

    public string TrustAnchorArn { get; private set; } = string.Empty;

    public string ProfileArn { get; private set; } = string.Empty;

    public string RoleArn { get; private set; } = string.Empty;

    public string CertificatePath => Path.Combine(directory, "client.pem");

    public string PrivateKeyPath => Path.Combine(directory, "client.key");

    public async ValueTask InitializeAsync()
    {
        using var ca = TestCertificateAuthority.CreateRoot(new TestCertificateOptions { SubjectName = "CN=Samples Test Root" });
        using var client = ca.IssueClientCertificate(new TestCertificateOptions { SubjectName = "CN=samples-test-workload" });
        TestCertificatePem.WriteFiles(client, CertificatePath, PrivateKeyPath);
        Emulator = await RolesAnywhereEmulator.StartAsync();
        TrustAnchorArn = Emulator.AddTrustAnchor(ca.Certificate);
        RoleArn = Emulator.RoleArn("samples");
        ProfileArn = Emulator.AddProfile(new EmulatorProfile { RoleArns = [RoleArn] });
    }

    /// <summary>Command-line configuration for the hosted samples: Roles Anywhere and the SDK's STS client both point at the emulator.</summary>
    public IEnumerable<string> HostArguments() =>
    [
        $"--RolesAnywhere:TrustAnchorArn={TrustAnchorArn}",
        $"--RolesAnywhere:ProfileArn={ProfileArn}",
        $"--RolesAnywhere:RoleArn={RoleArn}",
        $"--RolesAnywhere:CertificatePath={CertificatePath}",
        $"--RolesAnywhere:PrivateKeyPath={PrivateKeyPath}",
        $"--RolesAnywhere:Endpoint={Emulator.Endpoint}",
        $"--AWS:Region={Emulator.Region}",
        $"--AWS:ServiceURL={Emulator.Endpoint}",
        $"--AWS:AuthenticationRegion={Emulator.Region}",
    ];

    public async ValueTask DisposeAsync()
    {
        await Emulator.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }
}
