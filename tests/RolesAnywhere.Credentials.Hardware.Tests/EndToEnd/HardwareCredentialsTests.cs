using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RolesAnywhere.Credentials.Hardware.Tests.KeySources.CertificateStore;
using RolesAnywhere.Credentials.Hardware.Tests.Pkcs11;
using RolesAnywhere.Credentials.Hardware.Tests.KeySources.OpenSsl;
using RolesAnywhere.Credentials.Pkcs11;

namespace RolesAnywhere.Credentials.Hardware.Tests.EndToEnd;

/// <summary>
/// Credentials obtained from the CreateSession emulator (which verifies each signature against the
/// certificate) with keys that never leave SoftHSM2, the software TPM or the certificate store.
/// </summary>
public sealed class HardwareCredentialsTests(HardwareEmulatorFixture world) : IClassFixture<HardwareEmulatorFixture>
{
    [Fact]
    public async Task GetCredentialsAsync_Pkcs11P256KeyAndCertificateOnToken_Succeeds()
    {
        SoftHsm.Require();
        var options = world.Options().UsePkcs11(SoftHsm.Uri("object=p256"));

        using var credentials = new RolesAnywhereAWSCredentials(options);
        var immutable = await credentials.GetCredentialsAsync();

        AssertIssued(immutable.AccessKey, "softhsm-p256");
    }

    [Fact]
    public void GetCredentials_Pkcs11RsaKeyWithCertificateFile_SucceedsSynchronously()
    {
        var hsm = SoftHsm.Require();
        string certificatePath = WritePem(hsm.RsaCertificate, "pkcs11-rsa");
        var options = world.Options().UsePkcs11($"pkcs11:token={SoftHsm.MainToken};id=%01", o => { o.ModulePath = SoftHsm.ModulePath; o.Pin = SoftHsm.Pin; });
        options.CertificatePath = certificatePath;

        using var credentials = new RolesAnywhereAWSCredentials(options);
        var immutable = credentials.GetCredentials();

        AssertIssued(immutable.AccessKey, "softhsm-rsa");
    }

    [Fact]
    public async Task GetCredentialsAsync_Pkcs11FromConfigurationAndDependencyInjection_Succeeds()
    {
        SoftHsm.Require();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RolesAnywhere:TrustAnchorArn"] = world.TrustAnchorArn,
            ["RolesAnywhere:ProfileArn"] = world.ProfileArn,
            ["RolesAnywhere:RoleArn"] = world.RoleArn,
            ["RolesAnywhere:Endpoint"] = world.Emulator.Endpoint.ToString(),
            ["RolesAnywhere:PrivateKeyPath"] = $"pkcs11:token={SoftHsm.MainToken};object=p256",
        }).Build();
        var services = new ServiceCollection();
        services.Configure<RolesAnywhereOptions>(configuration.GetSection("RolesAnywhere"));
        services.AddRolesAnywherePkcs11(o => { o.ModulePath = SoftHsm.ModulePath; o.PinCallback = _ => SoftHsm.Pin; });
        services.AddRolesAnywherePkcs11(o => { o.ModulePath = SoftHsm.ModulePath; o.PinCallback = _ => SoftHsm.Pin; });
        await using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<RolesAnywhereOptions>>().Value;

        Assert.Single(options.SigningKeySources);
        using var credentials = new RolesAnywhereAWSCredentials(options);
        var immutable = await credentials.GetCredentialsAsync();

        AssertIssued(immutable.AccessKey, "softhsm-p256");
    }

    [Fact]
    public async Task HostStart_Pkcs11AlwaysAuthenticateKeyWithPinCallback_LogsInOnceAndAsksOncePerSignature()
    {
        SoftHsm.Require();
        int asked = 0;
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddRolesAnywhereCredentials(o => CopyTarget(world.Options(), o, SoftHsm.Uri("object=always", pin: null)));
        builder.Services.AddRolesAnywherePkcs11(o => o.PinCallback = _ => { Interlocked.Increment(ref asked); return SoftHsm.Pin; });
        using var host = builder.Build();

        await host.StartAsync(TestContext.Current.CancellationToken);
        int afterStart = Volatile.Read(ref asked);
        var immutable = await host.Services.GetRequiredService<RolesAnywhereAWSCredentials>().GetCredentialsAsync();
        await host.StopAsync(TestContext.Current.CancellationToken);

        AssertIssued(immutable.AccessKey, "softhsm-always");
        Assert.Equal(3, afterStart); // one opening: the login, the check of the certificate on the token, the key-pair check
        Assert.Equal(afterStart + 1, Volatile.Read(ref asked)); // only CreateSession's signature: no second and third opening (+7 before)
    }

#if NET9_0_OR_GREATER // TPM keys need .NET 9+ (OpenSslProviderKeyTests has the net8.0 answer).
    [Theory]
    [InlineData(SoftwareTpm.EcHandle, "tpm-ec")]
    [InlineData(SoftwareTpm.RsaHandle, "tpm-rsa")]
    public async Task HostStart_TpmPersistentHandle_ValidatesAndSignsWithTheKeyOpenedAtStart(string handle, string subject)
    {
        var tpm = SoftwareTpm.Require();
        string certificatePath = WritePem(handle == SoftwareTpm.EcHandle ? tpm.EcCertificate : tpm.RsaCertificate, subject);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddRolesAnywhereCredentials(o =>
        {
            CopyTarget(world.Options(), o, handle);
            o.CertificatePath = certificatePath;
        });
        using var host = builder.Build();

        await host.StartAsync(TestContext.Current.CancellationToken);
        var immutable = await host.Services.GetRequiredService<RolesAnywhereAWSCredentials>().GetCredentialsAsync();
        await host.StopAsync(TestContext.Current.CancellationToken);

        AssertIssued(immutable.AccessKey, subject);
    }
#endif

    [Fact]
    public void Constructor_Pkcs11UriWithoutPackageRegistered_ThrowsNamingPackage()
    {
        var options = world.Options();
        options.PrivateKeyPath = "pkcs11:token=any;object=key?pin-value=1234";

        var ex = Assert.Throws<RolesAnywhereConfigurationException>(() => new RolesAnywhereAWSCredentials(options));

        Assert.Contains("RolesAnywhere.Credentials.Pkcs11", ex.Message, StringComparison.Ordinal);
        Assert.Contains("UsePkcs11", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("1234", ex.Message, StringComparison.Ordinal);
    }

#if NET9_0_OR_GREATER // TPM keys need .NET 9+ (OpenSslProviderKeyTests has the net8.0 answer).
    [Theory]
    [InlineData(SoftwareTpm.EcHandle, "tpm-ec")]
    [InlineData(SoftwareTpm.RsaHandle, "tpm-rsa")]
    public async Task GetCredentialsAsync_TpmPersistentHandle_Succeeds(string handle, string subject)
    {
        var tpm = SoftwareTpm.Require();
        var options = world.Options();
        options.PrivateKeyPath = handle;
        options.CertificatePath = WritePem(handle == SoftwareTpm.EcHandle ? tpm.EcCertificate : tpm.RsaCertificate, subject);

        using var credentials = new RolesAnywhereAWSCredentials(options);
        var immutable = await credentials.GetCredentialsAsync();

        AssertIssued(immutable.AccessKey, subject);
    }
#endif

    [Fact]
    public async Task GetCredentialsAsync_CertificateStoreSelector_Succeeds()
    {
        var store = TestCertificateStore.Instance;
        var options = world.Options();
        options.CertificateStoreName = store.MainStore;
        options.CertificateSelector = $"Key=x509Subject,Value={TestCertificateStore.AppSubject}";
        options.UseLatestExpiringCertificate = true;

        using var credentials = new RolesAnywhereAWSCredentials(options);
        var immutable = await credentials.GetCredentialsAsync();

        AssertIssued(immutable.AccessKey, null);
        Assert.Contains(world.Emulator.Requests, r => r.Path == "/sessions" && r.Headers.TryGetValue("X-Amz-X509", out var leaf) && leaf == Convert.ToBase64String(store.Renewed.RawData));
    }

    [Fact]
    public async Task FromProfile_CertificateStoreKeys_SignsWithTheStoreKey()
    {
        var store = TestCertificateStore.Instance;
        var directory = Directory.CreateTempSubdirectory("ra-hw-profile-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory, "config"), $"""
                [profile store]
                roles_anywhere_trust_anchor_arn = {world.TrustAnchorArn}
                roles_anywhere_profile_arn = {world.ProfileArn}
                roles_anywhere_role_arn = {world.RoleArn}
                roles_anywhere_endpoint = {world.Emulator.Endpoint}
                roles_anywhere_cert_selector = Key=x509Subject,Value={TestCertificateStore.AppSubject}
                roles_anywhere_system_store_name = {store.MainStore}
                roles_anywhere_use_latest_expiring_certificate = true
                """, TestContext.Current.CancellationToken);

            using var credentials = RolesAnywhereAWSCredentials.FromProfile("store", Path.Combine(directory, "credentials"));
            var immutable = await credentials.GetCredentialsAsync();

            AssertIssued(immutable.AccessKey, null);
            Assert.Contains(world.Emulator.Requests, r => r.IssuedAccessKeyId == immutable.AccessKey && r.Headers["X-Amz-X509"] == Convert.ToBase64String(store.Renewed.RawData));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private void AssertIssued(string accessKeyId, string? subject)
    {
        Assert.False(string.IsNullOrEmpty(accessKeyId));
        Assert.True(world.Emulator.SuccessfulSessionCount > 0);
        if (subject is not null)
        {
            Assert.Contains(world.Emulator.Requests, r => r.Path == "/sessions" && r.Headers.TryGetValue("X-Amz-X509", out var leaf) &&
                X509CertificateLoader.LoadCertificate(Convert.FromBase64String(leaf)).Subject == "CN=" + subject);
        }
    }

    private static void CopyTarget(RolesAnywhereOptions from, RolesAnywhereOptions to, string privateKeyPath)
    {
        to.TrustAnchorArn = from.TrustAnchorArn;
        to.ProfileArn = from.ProfileArn;
        to.RoleArn = from.RoleArn;
        to.Endpoint = from.Endpoint;
        to.MaxRetries = from.MaxRetries;
        to.PrivateKeyPath = privateKeyPath;
    }

    private static string WritePem(X509Certificate2 certificate, string name)
    {
        string path = Path.Combine(Path.GetTempPath(), $"ra-hw-{name}-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, certificate.ExportCertificatePem());
        return path;
    }
}
