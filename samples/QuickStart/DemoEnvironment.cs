using Amazon.SecurityToken;
using RolesAnywhere.Credentials;
using RolesAnywhere.Credentials.Testing;
using RolesAnywhere.Credentials.Testing.Certificates;

namespace QuickStart;

/// <summary>The offline demo: an emulator on loopback that trusts a fresh CA, and a client certificate from it on disk.</summary>
internal sealed class DemoEnvironment : IAsyncDisposable
{
    private readonly RolesAnywhereEmulator emulator;
    private readonly string directory;

    private DemoEnvironment(RolesAnywhereEmulator emulator, string directory, RolesAnywhereOptions options, string caSubject, string clientSubject)
    {
        this.emulator = emulator;
        this.directory = directory;
        Options = options;
        CaSubject = caSubject;
        ClientSubject = clientSubject;
    }

    public Uri Endpoint => emulator.Endpoint;

    public RolesAnywhereOptions Options { get; }

    public string CaSubject { get; }

    public string ClientSubject { get; }

    public string CertificatePath => Options.CertificatePath!;

    public int SessionCount => emulator.SuccessfulSessionCount;

    public AmazonSecurityTokenServiceConfig StsConfig => new()
    {
        ServiceURL = emulator.Endpoint.ToString(),
        AuthenticationRegion = emulator.Region,
    };

    public static async Task<DemoEnvironment> StartAsync()
    {
        using var ca = TestCertificateAuthority.CreateRoot(new TestCertificateOptions { SubjectName = "CN=QuickStart Demo Root CA" });
        using var client = ca.IssueClientCertificate(new TestCertificateOptions { SubjectName = "CN=quickstart-workload" });
        var emulator = await RolesAnywhereEmulator.StartAsync(new RolesAnywhereEmulatorOptions { Region = "eu-west-1" });
        var trustAnchorArn = emulator.AddTrustAnchor(ca.Certificate);
        var roleArn = emulator.RoleArn("quickstart");
        var profileArn = emulator.AddProfile(new EmulatorProfile { RoleArns = [roleArn] });

        var directory = Directory.CreateTempSubdirectory("rolesanywhere-quickstart-").FullName;
        var certificatePath = Path.Combine(directory, "client.pem");
        var keyPath = Path.Combine(directory, "client.key");
        TestCertificatePem.WriteFiles(client, certificatePath, keyPath);

        var options = new RolesAnywhereOptions
        {
            TrustAnchorArn = trustAnchorArn,
            ProfileArn = profileArn,
            RoleArn = roleArn,
            CertificatePath = certificatePath,
            PrivateKeyPath = keyPath,
            Endpoint = emulator.Endpoint,
            SessionDuration = TimeSpan.FromMinutes(15),
        };
        return new DemoEnvironment(emulator, directory, options, ca.Certificate.Subject, client.Subject);
    }

    public async ValueTask DisposeAsync()
    {
        await emulator.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }
}
