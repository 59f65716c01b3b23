using System.Diagnostics;
using Microsoft.Extensions.Logging;
using RolesAnywhere.Credentials.Diagnostics;
using RolesAnywhere.Credentials.Testing.Certificates;
using RolesAnywhere.Credentials.Tests.Credentials;

namespace RolesAnywhere.Credentials.Tests.Hosting;

public sealed class TelemetryTests : IAsyncLifetime
{
    private EmulatorWorld world = null!;

    public async ValueTask InitializeAsync() => world = await EmulatorWorld.StartAsync();

    public async ValueTask DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public async Task GetCredentialsAsync_Success_RecordsSpanCountersLatencyAndLog()
    {
        using var capture = new TelemetryCapture();
        using var leaf = world.Root.IssueClientCertificate(new TestCertificateOptions { SubjectName = "CN=telemetry-workload" });
        var options = world.OptionsFor(leaf);
        using var credentials = world.Credentials(options, capture.Telemetry(world.Emulator.Region, world.Clock));

        await credentials.GetCredentialsAsync();

        var span = Assert.Single(capture.Activities);
        Assert.Equal("RolesAnywhere CreateSession", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(ActivityStatusCode.Ok, span.Status);
        Assert.Equal("eu-west-1", span.GetTagItem("cloud.region"));
        Assert.Equal("127.0.0.1", span.GetTagItem("server.address"));
        Assert.Equal(leaf.SerialNumber, span.GetTagItem("rolesanywhere.certificate.serial"));
        Assert.Equal(201, span.GetTagItem("http.response.status_code"));
        var requestId = Assert.IsType<string>(span.GetTagItem("aws.request_id"));
        Assert.NotEmpty(requestId);

        var session = Assert.Single(capture.Of(RolesAnywhereMetrics.SessionsName));
        Assert.Equal(1, session.Value);
        Assert.Equal("success", session.Tag("rolesanywhere.outcome"));
        Assert.Equal("eu-west-1", session.Tag("cloud.region"));
        Assert.Empty(capture.Of(RolesAnywhereMetrics.FailuresName));
        var latency = Assert.Single(capture.Of(RolesAnywhereMetrics.DurationName));
        Assert.True(latency.Value >= 0);

        var entry = Assert.Single(capture.Logs.Entries, e => e.EventId.Id == 1);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Equal(RolesAnywhereTelemetry.Name, entry.Category);
        Assert.Equal("CN=telemetry-workload", entry.Value("CertificateSubject"));
        Assert.Equal(leaf.SerialNumber, entry.Value("CertificateSerial"));
        Assert.Equal("eu-west-1", entry.Value("Region"));
        Assert.Equal(requestId, entry.Value("RequestId"));
        Assert.IsType<int>(entry.Value("CertificateDaysToExpiry"));
        Assert.IsType<long>(entry.Value("DurationMs"));
        Assert.Contains("CreateSession succeeded in eu-west-1 for certificate CN=telemetry-workload", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetCredentials_SyncPath_RecordsTheSameTelemetry()
    {
        using var capture = new TelemetryCapture();
        using var credentials = world.Credentials(world.IssueOptions(), capture.Telemetry(world.Emulator.Region, world.Clock));

        credentials.GetCredentials();

        Assert.Equal(ActivityStatusCode.Ok, Assert.Single(capture.Activities).Status);
        Assert.Single(capture.Of(RolesAnywhereMetrics.SessionsName));
        Assert.Single(capture.Logs.Entries, e => e.EventId.Id == 1);
    }

    [Fact]
    public async Task GetCredentialsAsync_UntrustedCertificate_RecordsFailureByErrorType()
    {
        using var capture = new TelemetryCapture();
        using var otherRoot = TestCertificateAuthority.CreateRoot(new TestCertificateOptions { SubjectName = "CN=Not Trusted Root" }, world.Clock);
        using var leaf = otherRoot.IssueClientCertificate();
        using var credentials = world.Credentials(world.OptionsFor(leaf), capture.Telemetry(world.Emulator.Region, world.Clock));

        await Assert.ThrowsAsync<RolesAnywhereServiceException>(() => credentials.GetCredentialsAsync());

        var span = Assert.Single(capture.Activities);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("AccessDeniedException", span.GetTagItem("error.type"));
        Assert.Equal(403, span.GetTagItem("http.response.status_code"));
        var failure = Assert.Single(capture.Of(RolesAnywhereMetrics.FailuresName));
        Assert.Equal("AccessDeniedException", failure.Tag("error.type"));
        Assert.Equal("failure", Assert.Single(capture.Of(RolesAnywhereMetrics.SessionsName)).Tag("rolesanywhere.outcome"));
        var entry = Assert.Single(capture.Logs.Entries, e => e.EventId.Id == 2);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal("AccessDeniedException", entry.Value("ErrorType"));
        Assert.IsType<RolesAnywhereServiceException>(entry.Exception);
        Assert.Contains(capture.Logs.Entries, e => e.EventId.Id == 5 && e.Level == LogLevel.Error);
    }

    [Fact]
    public async Task CertificateLifetimeGauge_ReportsSecondsUntilNotAfter()
    {
        using var capture = new TelemetryCapture();
        var notAfter = world.Clock.GetUtcNow().AddDays(30);
        using var leaf = world.Root.IssueClientCertificate(new TestCertificateOptions { NotAfter = notAfter });
        using var credentials = world.Credentials(world.OptionsFor(leaf), capture.Telemetry(world.Emulator.Region, world.Clock));
        Assert.Empty(capture.ObserveGauges());

        await credentials.GetCredentialsAsync();

        var gauge = Assert.Single(capture.ObserveGauges());
        var expected = (new DateTimeOffset(leaf.NotAfter.ToUniversalTime()) - world.Clock.GetUtcNow()).TotalSeconds;
        Assert.Equal(expected, gauge.Value, precision: 3);
        Assert.InRange(gauge.Value, TimeSpan.FromDays(29).TotalSeconds, TimeSpan.FromDays(30).TotalSeconds);
        Assert.Equal(leaf.SerialNumber, gauge.Tag("rolesanywhere.certificate.serial"));
    }

    [Fact]
    public async Task Telemetry_SuccessAndFailure_NeverContainsKeysPasswordsOrTokens()
    {
        const string password = "correct-horse-battery-staple-42";
        using var capture = new TelemetryCapture();
        using var leaf = world.Root.IssueClientCertificate(new TestCertificateOptions { SubjectName = "CN=secret-check" });
        var options = world.OptionsFor(leaf, name: "encrypted");
        var keyPem = TestCertificatePem.EncryptedPrivateKey(leaf, password);
        await File.WriteAllTextAsync(options.PrivateKeyPath!, keyPem, TestContext.Current.CancellationToken);
        options.PrivateKeyPassword = password;
        using var credentials = world.Credentials(options, capture.Telemetry(world.Emulator.Region, world.Clock));

        var issued = await credentials.GetCredentialsAsync();
        options.ProfileArn = world.ProfileArn[..^4] + "0000";
        using var refused = world.Credentials(options, capture.Telemetry(world.Emulator.Region, world.Clock));
        await Assert.ThrowsAsync<RolesAnywhereServiceException>(() => refused.GetCredentialsAsync());

        Assert.Contains(capture.Logs.Entries, e => e.EventId.Id == 1);
        Assert.Contains(capture.Logs.Entries, e => e.EventId.Id == 2);
        var text = capture.AllText();
        Assert.DoesNotContain(issued.SecretKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(issued.Token, text, StringComparison.Ordinal);
        Assert.DoesNotContain(issued.AccessKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(password, text, StringComparison.Ordinal);
        var keyBody = keyPem.Split('\n')[1];
        Assert.DoesNotContain(keyBody, text, StringComparison.Ordinal);
        Assert.DoesNotContain(TestCertificatePem.PrivateKey(leaf).Split('\n')[1], text, StringComparison.Ordinal);
    }
}
