using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using RolesAnywhere.Credentials.Diagnostics;
using RolesAnywhere.Credentials.Renewal;
using RolesAnywhere.Credentials.Testing;
using RolesAnywhere.Credentials.Tests.Hosting;

namespace RolesAnywhere.Credentials.Tests.Renewal;

/// <summary>
/// The whole loop with real parts: a host with <c>AddRolesAnywhereCredentials(…).AddCertificateRenewal(…)</c>, the
/// real <c>cfssl serve</c> as the CA, and the emulator trusting that CA as a trust anchor, while AWS SDK calls run
/// all along. Real time: the certificate becomes due a few seconds after the host starts.
/// </summary>
public sealed class HostedRenewalEndToEndTests(CfsslServer cfssl) : IClassFixture<CfsslServer>, IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ra-hosted-renewal-").FullName;
    private RolesAnywhereEmulator _emulator = null!;

    public async ValueTask InitializeAsync() =>
        _emulator = await RolesAnywhereEmulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _emulator.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task HostedRenewal_CertificateBecomesDue_RenewedThroughCfsslAndTheNextCreateSessionCarriesTheNewSerialWithNoFailedSdkCall()
    {
        cfssl.Require();
        var certificatePath = Path.Combine(_folder, "client.pem");
        var keyPath = Path.Combine(_folder, "client.key");

        // Half of a 20-minute lifetime has passed 10 s from now: due then (RenewAt 0.5, no jitter). 10 s, not less: the host
        // start and the first SDK call must come before it on a loaded 2-core machine too (3 s did not, at load 17).
        var notBefore = DateTimeOffset.UtcNow.AddMinutes(-10).AddSeconds(10);
        string oldSerial;
        using (var key = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        using (var leaf = cfssl.Ca.Issue(key, notBefore, notBefore.AddMinutes(20), uriName: false))
        {
            File.WriteAllText(certificatePath, leaf.ExportCertificatePem() + "\n");
            File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem() + "\n");
            oldSerial = leaf.SerialNumber;
        }

        var trustAnchorArn = _emulator.AddTrustAnchor(cfssl.Ca.Certificate);
        var roleArn = _emulator.RoleArn("renewed");
        var profileArn = _emulator.AddProfile(new EmulatorProfile { RoleArns = [roleArn] });
        using var telemetry = new TelemetryCapture();
        using var issuer = new CfsslCertificateIssuer(cfssl.Url, profile: "authed", authKey: cfssl.AuthKey);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton(telemetry.Metrics);
        builder.Services
            .AddRolesAnywhereCredentials(o =>
            {
                o.TrustAnchorArn = trustAnchorArn;
                o.ProfileArn = profileArn;
                o.RoleArn = roleArn;
                o.Endpoint = _emulator.Endpoint;
                o.CertificatePath = certificatePath;
                o.PrivateKeyPath = keyPath;
            })
            .AddCertificateRenewal(r =>
            {
                r.Issuer = issuer;
                r.TrustAnchorCertificatePath = cfssl.Ca.CertificatePath;
                r.RenewAt = 0.5;
                r.Jitter = 0;
            });
        builder.Services.AddHealthChecks().AddRolesAnywhere();
        using var host = builder.Build();
        var due = host.Services.GetRequiredService<CertificateRenewer>().GetDueTime();
        await host.StartAsync(TestContext.Current.CancellationToken);
        var credentials = host.Services.GetRequiredService<RolesAnywhereAWSCredentials>();
        using var sts = new AmazonSecurityTokenServiceClient(credentials, new AmazonSecurityTokenServiceConfig { ServiceURL = _emulator.Endpoint.ToString(), AuthenticationRegion = _emulator.Region });

        // SDK calls all along, as an application makes them.
        var failures = new List<Exception>();
        var calls = 0;
        using var stop = new CancellationTokenSource();
        var caller = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), CancellationToken.None);
                    Interlocked.Increment(ref calls);
                }
                catch (Exception ex)
                {
                    lock (failures)
                    {
                        failures.Add(ex);
                    }
                }

                await Task.Delay(20, CancellationToken.None);
            }
        }, TestContext.Current.CancellationToken);

        var swapped = await SerialChangesAsync(certificatePath, oldSerial);
        var dueToSwapped = swapped - due;
        var afterSwap = Volatile.Read(ref calls);
        credentials.ClearCredentials(); // the next SDK call makes the next CreateSession
        await TestSupport.Eventually.HoldsAsync(() => Volatile.Read(ref calls) > afterSwap + 5, "SDK calls after the swap");
        await stop.CancelAsync();
        await caller;
        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);
        await host.StopAsync(TestContext.Current.CancellationToken);

        TestContext.Current.TestOutputHelper?.WriteLine($"due -> swapped: {dueToSwapped.TotalMilliseconds:0} ms; SDK calls: {calls}");
        Assert.Empty(failures);
        Assert.True(afterSwap > 0, "SDK calls were made before the swap");
        using var renewed = X509Certificate2.CreateFromPem(File.ReadAllText(certificatePath));
        var sessions = _emulator.Requests.Where(r => r.Path == "/sessions").ToList();
        Assert.All(sessions, s => Assert.Equal(201, s.StatusCode));
        var newHeader = Convert.ToBase64String(renewed.RawData);
        var firstNew = sessions.FindIndex(s => s.Headers["X-Amz-X509"] == newHeader);
        Assert.True(firstNew > 0, "the old pair made the first session");
        Assert.True(sessions.Count >= firstNew + 2, "the proof, then the credentials' own next CreateSession");
        Assert.All(sessions.Skip(firstNew), s => Assert.Equal(newHeader, s.Headers["X-Amz-X509"]));
        Assert.All(sessions.Take(firstNew), s => Assert.NotEqual(newHeader, s.Headers["X-Amz-X509"]));
        Assert.Equal(cfssl.Ca.Certificate.Subject, renewed.Issuer);
        Assert.InRange(dueToSwapped, TimeSpan.Zero, TimeSpan.FromSeconds(30));
        var renewal = Assert.Single(telemetry.Of(RolesAnywhereMetrics.RenewalsName));
        Assert.Equal(TelemetryTags.Renewed, renewal.Tag(TelemetryTags.Outcome));
        Assert.Equal(HealthStatus.Healthy, health.Status);
    }

    /// <summary>Waits until the certificate file holds another serial and returns when that was seen (polled every 2 ms).</summary>
    private static async Task<DateTimeOffset> SerialChangesAsync(string certificatePath, string oldSerial)
    {
        var limit = Stopwatch.StartNew();
        while (limit.Elapsed < TimeSpan.FromSeconds(60))
        {
            using (var current = X509Certificate2.CreateFromPem(File.ReadAllText(certificatePath)))
            {
                if (current.SerialNumber != oldSerial)
                {
                    return DateTimeOffset.UtcNow;
                }
            }

            await Task.Delay(2, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("The certificate was not renewed within 60 s of the host's start.");
    }
}
