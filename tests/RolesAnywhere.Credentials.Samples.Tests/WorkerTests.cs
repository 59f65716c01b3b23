namespace RolesAnywhere.Credentials.Samples.Tests;

public sealed class WorkerTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Run_AgainstEmulator_CallsAwsOnEveryTick()
    {
        await using var sample = SampleProcess.Start("Worker", [.. fixture.HostArguments(), "--Worker:Interval=00:00:00.500"]);
        var expected = $"Calling AWS as arn:aws:sts::{fixture.Emulator.AccountId}:assumed-role/samples/";
        var calls = 0;

        await sample.WaitForLineAsync(line => line.Contains(expected, StringComparison.Ordinal) && ++calls == 2, TimeSpan.FromSeconds(60));

        Assert.Equal(2, calls);
        // One session serves every tick: the credentials are cached, not fetched per call.
        Assert.Equal(1, fixture.Emulator.SuccessfulSessionCount);
        Assert.Contains("CreateSession succeeded", sample.Output, StringComparison.Ordinal);
    }
}
