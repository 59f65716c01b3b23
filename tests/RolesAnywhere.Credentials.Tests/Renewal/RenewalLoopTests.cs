using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using RolesAnywhere.Credentials.Diagnostics;
using RolesAnywhere.Credentials.HealthChecks;
using RolesAnywhere.Credentials.Renewal;
using RolesAnywhere.Credentials.Testing.Certificates;
using RolesAnywhere.Credentials.Tests.Credentials;
using RolesAnywhere.Credentials.Tests.Hosting;
using RolesAnywhere.Credentials.TestSupport;

namespace RolesAnywhere.Credentials.Tests.Renewal;

/// <summary>The renewal loop when the CA fails: backoff with jitter, the health check, the metric; on fake clocks, with a real failing CA command.</summary>
public sealed class RenewalLoopTests
{
    [Fact]
    public async Task RunAsync_IssuerKeepsFailing_RetriesWithGrowingJitteredBackoffAndLeavesThePair()
    {
        using var world = RenewalWorld.Due();
        var pair = world.Snapshot();
        var attempts = Path.Combine(world.Folder, "attempts");
        var clock = new TimerClock();
        var renewer = new CertificateRenewer(world.Options(CommandCertificateIssuer.Shell($"echo attempt >> '{attempts}'; echo 'CA down' >&2; exit 3")), clock, logger: null);
        using var stop = new CancellationTokenSource();

        var run = renewer.RunAsync(stop.Token);
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 4; i++)
        {
            waits.Add(await clock.AdvanceToNextTimerAsync(run));
        }

        await Eventually.HoldsAsync(() => File.Exists(attempts) && File.ReadAllLines(attempts).Length >= 5, "the fifth attempt");
        await stop.CancelAsync();
        await run;

        for (var i = 0; i < waits.Count; i++)
        {
            var ceiling = CertificateRenewer.FirstRetryDelay * Math.Pow(2, i);
            Assert.InRange(waits[i], ceiling / 2, ceiling);
        }

        Assert.NotEqual(waits[0] * 2, waits[1]); // jitter: not exactly doubled (a 1 in 2^52 chance)
        var state = renewer.State;
        var failure = Assert.IsType<CertificateRenewalException>(state.LastError);
        Assert.Equal(CertificateRenewalStage.Issuance, failure.Stage);
        Assert.Contains("CA down", failure.Message, StringComparison.Ordinal);
        world.AssertUnchanged(pair);
    }

    [Fact]
    public async Task HostedRenewal_IssuerFails_HealthDegradedWithTheCauseAndFailureCounted_UnhealthyOnceExpired()
    {
        await using var world = await EmulatorWorld.StartAsync();
        var now = world.Clock.GetUtcNow();
        using var leaf = world.Root.IssueClientCertificate(new TestCertificateOptions { SubjectName = "CN=renewing", NotBefore = now.AddDays(-25), NotAfter = now.AddDays(5) });
        var options = world.OptionsFor(leaf);
        var certificate = File.ReadAllBytes(options.CertificatePath!);
        using var telemetry = new TelemetryCapture();
        var builder = RenewingHost(world, options, CommandCertificateIssuer.Shell("echo 'CA is down for maintenance' >&2; exit 3"));
        builder.Services.AddSingleton(telemetry.Metrics);
        using var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        var renewer = host.Services.GetRequiredService<CertificateRenewer>();
        await Eventually.HoldsAsync(() => renewer.State.RetryAt is not null, "the first failed renewal");
        var health = host.Services.GetRequiredService<HealthCheckService>();

        var failing = (await health.CheckHealthAsync(TestContext.Current.CancellationToken)).Entries["rolesanywhere"];
        world.Clock.Advance(TimeSpan.FromDays(6));
        var expired = (await health.CheckHealthAsync(TestContext.Current.CancellationToken)).Entries["rolesanywhere"];
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Degraded, failing.Status);
        Assert.Contains("certificate renewal failed (Issuance)", failing.Description, StringComparison.Ordinal);
        Assert.Contains("CA is down for maintenance", failing.Description, StringComparison.Ordinal);
        Assert.Contains("Next attempt at", failing.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Unhealthy, expired.Status);
        var counted = telemetry.Of(RolesAnywhereMetrics.RenewalsName);
        Assert.NotEmpty(counted);
        Assert.All(counted, m => Assert.Equal(TelemetryTags.Failure, m.Tag(TelemetryTags.Outcome)));
        Assert.Equal(nameof(CertificateRenewalStage.Issuance), counted[0].Tag(TelemetryTags.RenewalStage));
        Assert.All(counted, m => Assert.Equal(nameof(CertificateRenewalStage.Issuance), m.Tag(TelemetryTags.RenewalStage))); // expired too: the CA is still asked
        Assert.Equal(certificate, File.ReadAllBytes(options.CertificatePath!));
    }

    [Fact]
    public async Task HostedRenewal_CertificateExpiredWhileTheCaWasDown_RenewedOnceItIsBack_UnhealthyUntilThen()
    {
        RenewalWorld.RequireOpenSsl();
        await using var world = await EmulatorWorld.StartAsync();
        var now = world.Clock.GetUtcNow();
        using var leaf = world.Root.IssueClientCertificate(new TestCertificateOptions { SubjectName = "CN=expiring", NotBefore = now.AddDays(-25), NotAfter = now.AddDays(5) });
        var options = world.OptionsFor(leaf);
        var (caPath, caKeyPath, caUp, extensions) = (Path.Combine(world.Folder, "ca.pem"), Path.Combine(world.Folder, "ca.key"), Path.Combine(world.Folder, "ca-up"), Path.Combine(world.Folder, "client.ext"));
        File.WriteAllText(caPath, world.Root.Certificate.ExportCertificatePem());
        File.WriteAllText(extensions, "basicConstraints = critical, CA:FALSE\nkeyUsage = critical, digitalSignature\nextendedKeyUsage = clientAuth\n");
        using (var caKey = world.Root.Certificate.GetECDsaPrivateKey()!)
        {
            File.WriteAllText(caKeyPath, caKey.ExportPkcs8PrivateKeyPem());
        }

        // openssl as the CA, refusing while the 'ca-up' file is missing (it signs with the real clock: 30 days from now).
        var issuer = CommandCertificateIssuer.Shell($"[ -f '{caUp}' ] || {{ echo 'CA is down for maintenance' >&2; exit 3; }}; exec openssl x509 -req -CA '{caPath}' -CAkey '{caKeyPath}' -days 30 -extfile '{extensions}'");
        using var host = RenewingHost(world, options, issuer).Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        var renewer = host.Services.GetRequiredService<CertificateRenewer>();
        var health = host.Services.GetRequiredService<HealthCheckService>();
        await Eventually.HoldsAsync(() => renewer.State.RetryAt is not null, "the first failed renewal");

        // Six days later the certificate has expired; the next attempt still asks the CA (and fails: it is down).
        world.Clock.Advance(TimeSpan.FromDays(6));
        await Eventually.HoldsAsync(() => renewer.State.RetryAt > world.Clock.GetUtcNow(), "an attempt after expiry");
        var expired = (await health.CheckHealthAsync(TestContext.Current.CancellationToken)).Entries["rolesanywhere"];
        var failureAfterExpiry = renewer.State.LastError;

        File.WriteAllText(caUp, string.Empty);
        world.Clock.Advance(CertificateRenewer.MaxRetryDelay);
        await Eventually.HoldsAsync(() => renewer.State is { LastError: null, NotAfter: { } notAfter } && notAfter > world.Clock.GetUtcNow(), "the renewal of the expired certificate");
        var renewed = (await health.CheckHealthAsync(TestContext.Current.CancellationToken)).Entries["rolesanywhere"];
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, expired.Status);
        Assert.Contains("expired at", expired.Description, StringComparison.Ordinal);
        var failure = Assert.IsType<CertificateRenewalException>(failureAfterExpiry);
        Assert.Equal(CertificateRenewalStage.Issuance, failure.Stage); // asked the CA, not refused as unusable
        Assert.Contains("CA is down for maintenance", failure.Message, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, renewed.Status);
        using var installed = X509Certificate2.CreateFromPem(File.ReadAllText(options.CertificatePath!));
        Assert.NotEqual(leaf.SerialNumber, installed.SerialNumber);
        Assert.Equal(Convert.ToBase64String(installed.RawData), world.SessionRequests[^1].Headers["X-Amz-X509"]); // the health check's CreateSession
        Assert.Equal(201, world.SessionRequests[^1].StatusCode);
    }

    [Fact]
    public void Evaluate_RenewalOnAndCertificateExpiredWhileCredentialsStillValid_Unhealthy()
    {
        var now = DateTimeOffset.UtcNow;
        var snapshot = CredentialStateSnapshot.Empty with { CredentialsExpiration = now.AddMinutes(30) };
        var failure = new CertificateRenewalException(CertificateRenewalStage.Issuance, "The issuer failed: refused.");

        var expired = RolesAnywhereHealthCheck.Evaluate(snapshot, now, TimeSpan.FromDays(14), new RenewalState(now.AddSeconds(-1), now.AddDays(-3), failure, now.AddMinutes(5)));
        var notYet = RolesAnywhereHealthCheck.Evaluate(snapshot, now, TimeSpan.FromDays(14), new RenewalState(now.AddDays(2), now.AddDays(-3), null, null));

        Assert.Equal(HealthStatus.Unhealthy, expired.Status);
        Assert.Contains("expired at", expired.Description, StringComparison.Ordinal);
        Assert.Contains("refused", expired.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, notYet.Status);
    }

    [Fact]
    public void AddCertificateRenewal_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => RolesAnywhereRenewalServiceCollectionExtensions.AddCertificateRenewal(null!, _ => { }));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddCertificateRenewal(null!));
    }

    /// <summary>A host on the world's clock with the credentials of <paramref name="options"/>, their renewal through <paramref name="issuer"/>, and the health check.</summary>
    private static HostApplicationBuilder RenewingHost(EmulatorWorld world, RolesAnywhereOptions options, ICertificateIssuer issuer)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<TimeProvider>(world.Clock);
        builder.Services
            .AddRolesAnywhereCredentials(o =>
            {
                o.TrustAnchorArn = options.TrustAnchorArn;
                o.ProfileArn = options.ProfileArn;
                o.RoleArn = options.RoleArn;
                o.Endpoint = options.Endpoint;
                o.CertificatePath = options.CertificatePath;
                o.PrivateKeyPath = options.PrivateKeyPath;
            })
            .AddCertificateRenewal(r => r.Issuer = issuer);
        builder.Services.AddHealthChecks().AddRolesAnywhere();
        return builder;
    }
}
