using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Time.Testing;
using RolesAnywhere.Credentials.Testing;
using RolesAnywhere.Credentials.Testing.Certificates;
using RolesAnywhere.Credentials.TestSupport;

namespace RolesAnywhere.Credentials.MLDsa.Tests;

/// <summary>
/// <see cref="RolesAnywhereAWSCredentials"/> with ML-DSA keys against the emulator over real HTTP: the emulator checks
/// the <c>AWS4-X509-MLDSA</c> signature and the ML-DSA (or mixed) chain with its own verifier.
/// </summary>
public sealed class MLDsaEndToEndTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ra-mldsa-e2e-").FullName;
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private RolesAnywhereEmulator _emulator = null!;
    private string _profileArn = null!;
    private string _roleArn = null!;

    public static TheoryData<TestKeyType, TestKeyType> Chains() => new()
    {
        { TestKeyType.MLDsa44, TestKeyType.MLDsa44 },
        { TestKeyType.MLDsa65, TestKeyType.MLDsa65 },
        { TestKeyType.MLDsa87, TestKeyType.MLDsa87 },
        { TestKeyType.MLDsa65, TestKeyType.EcdsaP256 },
        { TestKeyType.EcdsaP384, TestKeyType.MLDsa87 },
    };

    public static TheoryData<int> ParameterSets => MLDsaVector.ParameterSets;

    public async ValueTask InitializeAsync()
    {
        _emulator = await RolesAnywhereEmulator.StartAsync(new RolesAnywhereEmulatorOptions { TimeProvider = _clock, Region = "eu-west-1" });
        _roleArn = _emulator.RoleArn("post-quantum");
        _profileArn = _emulator.AddProfile(new EmulatorProfile { RoleArns = [_roleArn] });
    }

    [Theory]
    [MemberData(nameof(Chains))]
    public async Task GetCredentialsAsync_MLDsaLeafIssuedByTheTestAuthority_AcceptedByTheEmulator(TestKeyType leafKey, TestKeyType caKey)
    {
        using var root = TestCertificateAuthority.CreateRoot(new TestCertificateOptions { SubjectName = $"CN=Root {caKey}", KeyType = caKey }, _clock);
        using var leaf = root.IssueClientCertificate(new TestCertificateOptions { SubjectName = $"CN=Workload {leafKey}", KeyType = leafKey });
        var options = Options(_emulator.AddTrustAnchor(root.Certificate));
        options.CertificatePath = Write("leaf.pem", TestCertificatePem.Certificate(leaf));
        options.PrivateKeyPath = Write("leaf.key", TestCertificatePem.PrivateKey(leaf));
        using var credentials = new RolesAnywhereAWSCredentials(options, _clock, httpMessageHandler: null, observer: null);

        var issued = await credentials.GetCredentialsAsync();

        var request = Assert.Single(_emulator.Requests, r => r.Path == "/sessions" && r.Headers["X-Amz-X509"] == Convert.ToBase64String(leaf.RawData));
        Assert.Equal(201, request.StatusCode);
        Assert.Equal(request.IssuedAccessKeyId, issued.AccessKey);
        bool mldsaLeaf = leafKey is TestKeyType.MLDsa44 or TestKeyType.MLDsa65 or TestKeyType.MLDsa87;
        Assert.StartsWith(mldsaLeaf ? "AWS4-X509-MLDSA Credential=" : "AWS4-X509-ECDSA-SHA256 Credential=", request.Headers["Authorization"], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ParameterSets))]
    public void GetCredentials_PythonIssuedChainAndKey_AcceptedSynchronously(int bits)
    {
        var vector = MLDsaVector.Load(bits);
        var options = Options(_emulator.AddTrustAnchor(vector.Root));
        options.CertificatePath = vector.CertificatePath;
        options.PrivateKeyPath = vector.KeyPath;
        using var credentials = new RolesAnywhereAWSCredentials(options, _clock, httpMessageHandler: null, observer: null);

        var issued = credentials.GetCredentials();

        var request = Assert.Single(_emulator.Requests, r => r.Path == "/sessions");
        Assert.Equal(201, request.StatusCode);
        Assert.Equal(request.IssuedAccessKeyId, issued.AccessKey);
        Assert.StartsWith($"AWS4-X509-MLDSA Credential={new System.Numerics.BigInteger(vector.Certificate.SerialNumberBytes.Span, isUnsigned: true, isBigEndian: true)}/", request.Headers["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCredentialsAsync_HelpersSeedAndExpandedKey_AcceptedWithACertificateForIt()
    {
        using var root = TestCertificateAuthority.CreateRoot(new TestCertificateOptions { KeyType = TestKeyType.MLDsa44 }, _clock);
        using var helperCertificate = X509Certificate2.CreateFromPem(TestVectors.ReadText("mldsa/helper-1.8/mldsa87-cert.pem"));
        using var leaf = root.IssueCertificate(MLDsaVerification.SubjectPublicKeyInfo(helperCertificate));
        var options = Options(_emulator.AddTrustAnchor(root.Certificate));
        options.CertificateData = TestCertificatePem.Certificate(leaf);
        options.PrivateKeyData = TestVectors.ReadText("mldsa/helper-1.8/mldsa87-both.pem");
        using var credentials = new RolesAnywhereAWSCredentials(options, _clock, httpMessageHandler: null, observer: null);

        await credentials.GetCredentialsAsync();

        Assert.Equal(201, Assert.Single(_emulator.Requests, r => r.Path == "/sessions").StatusCode);
    }

    [Fact]
    public async Task GetCredentialsAsync_LeafFromAnotherMLDsaRoot_RefusedByTheEmulator()
    {
        using var trusted = TestCertificateAuthority.CreateRoot(new TestCertificateOptions { SubjectName = "CN=Same Name", KeyType = TestKeyType.MLDsa65 }, _clock);
        using var impostor = TestCertificateAuthority.CreateRoot(new TestCertificateOptions { SubjectName = "CN=Same Name", KeyType = TestKeyType.MLDsa65 }, _clock);
        using var leaf = impostor.IssueClientCertificate(new TestCertificateOptions { KeyType = TestKeyType.MLDsa65 });
        var options = Options(_emulator.AddTrustAnchor(trusted.Certificate));
        options.CertificateData = TestCertificatePem.Certificate(leaf);
        options.PrivateKeyData = TestCertificatePem.PrivateKey(leaf);
        options.MaxRetries = 0;
        using var credentials = new RolesAnywhereAWSCredentials(options, _clock, httpMessageHandler: null, observer: null);

        await Assert.ThrowsAsync<RolesAnywhereServiceException>(async () => await credentials.GetCredentialsAsync());

        Assert.Equal(403, Assert.Single(_emulator.Requests, r => r.Path == "/sessions").StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        await _emulator.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private RolesAnywhereOptions Options(string trustAnchorArn) => new()
    {
        TrustAnchorArn = trustAnchorArn,
        ProfileArn = _profileArn,
        RoleArn = _roleArn,
        Endpoint = _emulator.Endpoint,
    };

    private string Write(string name, string content)
    {
        string path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + "-" + name);
        File.WriteAllText(path, content);
        return path;
    }
}
