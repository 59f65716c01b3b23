using System.Net;
using System.Text.Json;

namespace RolesAnywhere.Credentials.Samples.Tests;

public sealed class AspNetApiTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task WhoAmI_AgainstEmulator_ReturnsTheAssumedRoleAndHealthIsHealthy()
    {
        await using var sample = SampleProcess.Start("AspNetApi", [.. fixture.HostArguments(), "--urls=http://127.0.0.1:0"]);
        var listening = await sample.WaitForLineAsync(l => l.Contains("Now listening on: http://", StringComparison.Ordinal), Timeout);
        var baseAddress = new Uri(listening[(listening.IndexOf("http://", StringComparison.Ordinal))..].Trim());
        using var http = new HttpClient { BaseAddress = baseAddress };
        var cancellationToken = TestContext.Current.CancellationToken;

        using var whoami = await http.GetAsync(new Uri("/whoami", UriKind.Relative), cancellationToken);
        var body = await whoami.Content.ReadAsStringAsync(cancellationToken);
        using var health = await http.GetAsync(new Uri("/health", UriKind.Relative), cancellationToken);

        Assert.True(whoami.StatusCode == HttpStatusCode.OK, body + "\n" + sample.Output);
        using var json = JsonDocument.Parse(body);
        Assert.StartsWith($"arn:aws:sts::{fixture.Emulator.AccountId}:assumed-role/samples/", json.RootElement.GetProperty("arn").GetString(), StringComparison.Ordinal);
        Assert.Equal(fixture.Emulator.AccountId, json.RootElement.GetProperty("account").GetString());
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync(cancellationToken));
        Assert.Contains("CreateSession succeeded", sample.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithPlaceholderSettings_FailsAtStartNamingEveryProblem()
    {
        // appsettings.json ships placeholders whose certificate files do not exist.
        await using var sample = SampleProcess.Start("AspNetApi", ["--urls=http://127.0.0.1:0", "--RolesAnywhere:SessionDuration=00:01:00"]);

        var exitCode = await sample.WaitForExitAsync(Timeout);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("OptionsValidationException", sample.Output, StringComparison.Ordinal);
        Assert.Contains("CertificatePath: '/etc/pki/workload/client.pem' does not exist", sample.Output, StringComparison.Ordinal);
        Assert.Contains("PrivateKeyPath: '/etc/pki/workload/client.key' does not exist", sample.Output, StringComparison.Ordinal);
        Assert.Contains("SessionDuration", sample.Output, StringComparison.Ordinal);
    }
}
