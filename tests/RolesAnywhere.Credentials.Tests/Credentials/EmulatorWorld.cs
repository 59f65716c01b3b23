using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Time.Testing;
using RolesAnywhere.Credentials.Sessions;
using RolesAnywhere.Credentials.Testing;
using RolesAnywhere.Credentials.Testing.Certificates;

namespace RolesAnywhere.Credentials.Tests.Credentials;

/// <summary>
/// One emulator on loopback sharing a fake clock with the credentials under test, a root CA registered as
/// trust anchor, a profile with one role, and a temporary folder for certificate and key files.
/// </summary>
internal sealed class EmulatorWorld : IAsyncDisposable
{
    private EmulatorWorld(TimeProvider clock, RolesAnywhereEmulator emulator, TestCertificateAuthority root, string trustAnchorArn, string profileArn, string roleArn)
    {
        Time = clock;
        Emulator = emulator;
        Root = root;
        TrustAnchorArn = trustAnchorArn;
        ProfileArn = profileArn;
        RoleArn = roleArn;
        Folder = Directory.CreateTempSubdirectory("ra-credentials-").FullName;
    }

    /// <summary>Gets the clock shared by the emulator and the credentials.</summary>
    public TimeProvider Time { get; }

    /// <summary>Gets the shared clock as the fake one most tests move by hand.</summary>
    public FakeTimeProvider Clock => (FakeTimeProvider)Time;

    public RolesAnywhereEmulator Emulator { get; }

    public TestCertificateAuthority Root { get; }

    public string TrustAnchorArn { get; }

    public string ProfileArn { get; }

    public string RoleArn { get; }

    public string Folder { get; }

    /// <summary>Gets the requests that reached CreateSession.</summary>
    public IReadOnlyList<EmulatorRequest> SessionRequests => Emulator.Requests.Where(r => r.Path == "/sessions").ToList();

    public static Task<EmulatorWorld> StartAsync(bool acceptRoleSessionName = false, TimeSpan? maxSessionDuration = null, string region = "eu-west-1") =>
        StartAsync(new FakeTimeProvider(DateTimeOffset.UtcNow), acceptRoleSessionName, maxSessionDuration, region);

    /// <summary>Starts a world on <paramref name="clock"/> (such as a <see cref="JumpingClock"/>, for tests whose waits must be real).</summary>
    public static async Task<EmulatorWorld> StartAsync(TimeProvider clock, bool acceptRoleSessionName = false, TimeSpan? maxSessionDuration = null, string region = "eu-west-1")
    {
        var emulator = await RolesAnywhereEmulator.StartAsync(new RolesAnywhereEmulatorOptions { TimeProvider = clock, Region = region });
        var root = TestCertificateAuthority.CreateRoot(new TestCertificateOptions { SubjectName = "CN=Credentials Test Root" }, clock);
        var trustAnchorArn = emulator.AddTrustAnchor(root.Certificate);
        var roleArn = emulator.RoleArn("app");
        var profileArn = emulator.AddProfile(new EmulatorProfile
        {
            RoleArns = [roleArn],
            AcceptRoleSessionName = acceptRoleSessionName,
            MaxSessionDuration = maxSessionDuration ?? TimeSpan.FromHours(12),
        });
        return new EmulatorWorld(clock, emulator, root, trustAnchorArn, profileArn, roleArn);
    }

    /// <summary>Writes <paramref name="leaf"/> (and its key, and any intermediates) to files and returns options naming them.</summary>
    public RolesAnywhereOptions OptionsFor(X509Certificate2 leaf, IEnumerable<X509Certificate2>? intermediates = null, string name = "client")
    {
        var options = BaseOptions();
        options.CertificatePath = Path.Combine(Folder, name + ".pem");
        options.PrivateKeyPath = Path.Combine(Folder, name + ".key");
        TestCertificatePem.WriteFiles(leaf, options.CertificatePath, options.PrivateKeyPath);
        if (intermediates is not null)
        {
            options.IntermediatesPath = Path.Combine(Folder, name + "-chain.pem");
            File.WriteAllText(options.IntermediatesPath, TestCertificatePem.Certificates(intermediates));
        }

        return options;
    }

    /// <summary>Issues a client certificate from the root and returns options for it.</summary>
    public RolesAnywhereOptions IssueOptions(TestKeyType keyType = TestKeyType.EcdsaP256)
    {
        using var leaf = SharedKeys.Issue(Root, keyType, "CN=client " + keyType);
        return OptionsFor(leaf);
    }

    public RolesAnywhereOptions BaseOptions() => new()
    {
        TrustAnchorArn = TrustAnchorArn,
        ProfileArn = ProfileArn,
        RoleArn = RoleArn,
        Endpoint = Emulator.Endpoint,
        MaxRetries = 3,
    };

    public RolesAnywhereAWSCredentials Credentials(RolesAnywhereOptions options, ICreateSessionObserver? observer = null) =>
        new(options, Time, httpMessageHandler: null, observer);

    public async ValueTask DisposeAsync()
    {
        await Emulator.DisposeAsync();
        Root.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
