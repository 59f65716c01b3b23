namespace RolesAnywhere.Credentials.Samples.Tests;

public sealed class QuickStartTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Run_NoArguments_ShowsTheWholeChainOffline()
    {
        await using var sample = SampleProcess.Start("QuickStart", []);

        var exitCode = await sample.WaitForExitAsync(Timeout);

        var output = sample.Output;
        Assert.True(exitCode == 0, output);
        Assert.Contains("Started the local Roles Anywhere emulator at http://127.0.0.1:", output, StringComparison.Ordinal);
        Assert.Matches(@"Caller identity: arn:aws:sts::\d{12}:assumed-role/quickstart/", output);
        Assert.Matches(@"valid until \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ", output);
        Assert.Contains("Refreshed:", output, StringComparison.Ordinal);
        Assert.Contains("(the emulator issued 2 session(s))", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithArguments_UsesTheGivenTrustAnchorRoleAndCertificate()
    {
        var before = fixture.Emulator.SuccessfulSessionCount;
        await using var sample = SampleProcess.Start("QuickStart",
        [
            "--trust-anchor-arn", fixture.TrustAnchorArn,
            "--profile-arn", fixture.ProfileArn,
            "--role-arn", fixture.RoleArn,
            "--certificate", fixture.CertificatePath,
            "--private-key", fixture.PrivateKeyPath,
            "--endpoint", fixture.Emulator.Endpoint.ToString(),
            "--sts-endpoint", fixture.Emulator.Endpoint.ToString(),
        ]);

        var exitCode = await sample.WaitForExitAsync(Timeout);

        Assert.True(exitCode == 0, sample.Output);
        Assert.Contains($"assumed-role/samples/", sample.Output, StringComparison.Ordinal);
        Assert.Equal(before + 2, fixture.Emulator.SuccessfulSessionCount);
    }

    [Fact]
    public async Task Run_WithInvalidArguments_ExitsWithTheProblemsNamed()
    {
        await using var sample = SampleProcess.Start("QuickStart",
        [
            "--trust-anchor-arn", "not-an-arn",
            "--profile-arn", fixture.ProfileArn,
            "--role-arn", fixture.RoleArn,
            "--certificate", "/nonexistent/client.pem",
            "--private-key", fixture.PrivateKeyPath,
        ]);

        var exitCode = await sample.WaitForExitAsync(Timeout);

        Assert.Equal(1, exitCode);
        Assert.Contains("error:", sample.Output, StringComparison.Ordinal);
        Assert.Contains("TrustAnchorArn", sample.Output, StringComparison.Ordinal);
    }
}
