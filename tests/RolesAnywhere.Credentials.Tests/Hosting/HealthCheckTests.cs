using Microsoft.Extensions.Diagnostics.HealthChecks;
using RolesAnywhere.Credentials.Diagnostics;
using RolesAnywhere.Credentials.HealthChecks;
using RolesAnywhere.Credentials.TestSupport;
using RolesAnywhere.Credentials.Testing.Certificates;
using RolesAnywhere.Credentials.Tests.Credentials;

namespace RolesAnywhere.Credentials.Tests.Hosting;

public sealed class HealthCheckTests : IAsyncLifetime
{
    private EmulatorWorld world = null!;

    public async ValueTask InitializeAsync() => world = await EmulatorWorld.StartAsync();

    public async ValueTask DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public async Task CheckHealthAsync_ValidCredentials_Healthy()
    {
        var (credentials, check) = Create(world.IssueOptions());
        using var _ = credentials;

        var result = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Contains("valid until", result.Description, StringComparison.Ordinal);
        Assert.True(result.Data.ContainsKey("credentialsExpiration"));
    }

    [Fact]
    public async Task CheckHealthAsync_CertificateExpiresWithinDefaultWindow_Degraded()
    {
        using var leaf = world.Root.IssueClientCertificate(new TestCertificateOptions { NotAfter = world.Clock.GetUtcNow().AddDays(5) });
        var (credentials, check) = Create(world.OptionsFor(leaf));
        using var _ = credentials;

        var result = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("expires in 4 days", result.Description, StringComparison.Ordinal);
        Assert.Contains("renew", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckHealthAsync_CertificateExpiresOutsideConfiguredWindow_Healthy()
    {
        using var leaf = world.Root.IssueClientCertificate(new TestCertificateOptions { NotAfter = world.Clock.GetUtcNow().AddDays(5) });
        var (credentials, check) = Create(world.OptionsFor(leaf), new RolesAnywhereHealthCheckOptions { CertificateExpiryWarning = TimeSpan.FromDays(3) });
        using var _ = credentials;

        var result = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Fact]
    public async Task CheckHealthAsync_NoCredentialsObtainable_Unhealthy()
    {
        using var otherRoot = TestCertificateAuthority.CreateRoot(new TestCertificateOptions { SubjectName = "CN=Not Trusted Root" }, world.Clock);
        using var leaf = otherRoot.IssueClientCertificate();
        var (credentials, check) = Create(world.OptionsFor(leaf));
        using var _ = credentials;

        var result = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("No valid IAM Roles Anywhere credentials", result.Description, StringComparison.Ordinal);
        Assert.IsType<RolesAnywhereServiceException>(result.Exception);
    }

    [Fact]
    public async Task CheckHealthAsync_RefreshFailedWhileOldCredentialsValid_Degraded()
    {
        var telemetry = new CreateSessionTelemetry(world.Emulator.Region, timeProvider: world.Clock);
        using var credentials = world.Credentials(world.IssueOptions(), telemetry);
        var check = new RolesAnywhereHealthCheck(credentials, telemetry, new RolesAnywhereHealthCheckOptions(), world.Clock);
        var first = await credentials.GetCredentialsAsync();

        // Inside the pre-emptive refresh window, with the trust anchor gone: the refresh fails, the old credentials stay.
        world.Emulator.RemoveTrustAnchor(world.TrustAnchorArn);
        world.Clock.Advance(TimeSpan.FromMinutes(58));
        var served = await credentials.GetCredentialsAsync();
        await Eventually.HoldsAsync(() => telemetry.Snapshot.LastAttemptFailed);

        var result = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(first.AccessKey, served.AccessKey);
        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains($"The last refresh failed ({telemetry.Snapshot.LastErrorType}: ", result.Description, StringComparison.Ordinal);
        Assert.Contains("the current credentials stay valid until", result.Description, StringComparison.Ordinal);
        Assert.Equal("ResourceNotFoundException", result.Data["lastErrorType"]);
    }

    [Fact]
    public async Task CheckHealthAsync_CredentialsExpiredAndRefreshFails_Unhealthy()
    {
        var (credentials, check) = Create(world.IssueOptions());
        using var _ = credentials;
        await credentials.GetCredentialsAsync();
        world.Emulator.RemoveTrustAnchor(world.TrustAnchorArn);
        world.Clock.Advance(TimeSpan.FromHours(2));

        var result = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
    }

    [Fact]
    public void Evaluate_StateWithoutAnyAttempt_HealthyWithoutCertificateWarning()
    {
        var result = RolesAnywhereHealthCheck.Evaluate(CredentialStateSnapshot.Empty, DateTimeOffset.UnixEpoch, TimeSpan.FromDays(14));

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    private (RolesAnywhereAWSCredentials Credentials, RolesAnywhereHealthCheck Check) Create(RolesAnywhereOptions options, RolesAnywhereHealthCheckOptions? checkOptions = null)
    {
        var telemetry = new CreateSessionTelemetry(world.Emulator.Region, timeProvider: world.Clock);
        var credentials = world.Credentials(options, telemetry);
        return (credentials, new RolesAnywhereHealthCheck(credentials, telemetry, checkOptions ?? new RolesAnywhereHealthCheckOptions(), world.Clock));
    }
}
