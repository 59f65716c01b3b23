using System.Net;
using RolesAnywhere.Credentials.Sessions;
using RolesAnywhere.Credentials.TestSupport;
using RolesAnywhere.Credentials.Testing;
using RolesAnywhere.Credentials.Testing.Certificates;

namespace RolesAnywhere.Credentials.Tests.Credentials;

/// <summary>Each scripted emulator fault, over real HTTP: retried or not, and what the caller sees.</summary>
public sealed class FaultTests
{
    public static TheoryData<string, bool> RetriedFaults() => new()
    {
        { "throttle", false },
        { "throttle", true },
        { "500", false },
        { "503", true },
        { "reset", false },
        { "reset", true },
    };

    private static EmulatorFault Fault(string name) => name switch
    {
        "throttle" => EmulatorFault.Throttle(),
        "500" => EmulatorFault.InternalError(),
        "503" => EmulatorFault.ServiceUnavailable(),
        "reset" => EmulatorFault.ConnectionReset(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(RetriedFaults))]
    public async Task GetCredentials_TransientFault_IsRetriedAndResignedThenSucceeds(string fault, bool synchronous)
    {
        await using var world = await EmulatorWorld.StartAsync();
        var observer = new RecordingObserver(world.Clock, extraAdvance: TimeSpan.FromSeconds(1));
        using var credentials = world.Credentials(world.IssueOptions(TestKeyType.Rsa2048), observer);
        world.Emulator.EnqueueFault(Fault(fault), count: 2);

        var immutable = synchronous ? credentials.GetCredentials() : await credentials.GetCredentialsAsync();

        Assert.False(string.IsNullOrEmpty(immutable.AccessKey));
        Assert.Equal(3, observer.Attempts.Count);
        Assert.Equal(2, observer.Backoffs.Count);
        var requests = world.SessionRequests;
        var dates = requests.Select(r => r.Headers["X-Amz-Date"]).ToList();
        var signatures = requests.Select(r => r.Headers["Authorization"]).ToList();
        if (fault != "reset")
        {
            Assert.Equal(3, requests.Count);
            Assert.Equal(dates.Count, dates.Distinct().Count());
            Assert.Equal(signatures.Count, signatures.Distinct().Count());
        }

        Assert.Equal(201, requests[^1].StatusCode);
    }

    [Fact]
    public async Task GetCredentials_ThrottledWithRetryAfter_WaitsThatLong()
    {
        await using var world = await EmulatorWorld.StartAsync();
        var observer = new RecordingObserver(world.Clock);
        using var credentials = world.Credentials(world.IssueOptions(), observer);
        world.Emulator.EnqueueFault(EmulatorFault.Throttle(TimeSpan.FromSeconds(7)));

        await credentials.GetCredentialsAsync();

        Assert.Equal(TimeSpan.FromSeconds(7), Assert.Single(observer.Backoffs));
    }

    [Fact]
    public async Task GetCredentials_RetryAfterBeyondBudget_GivesUpAtOnce()
    {
        await using var world = await EmulatorWorld.StartAsync();
        var observer = new RecordingObserver(world.Clock);
        var options = world.IssueOptions();
        options.RefreshTimeout = TimeSpan.FromSeconds(30);
        using var credentials = world.Credentials(options, observer);
        world.Emulator.EnqueueFault(EmulatorFault.Throttle(TimeSpan.FromMinutes(2)));

        var ex = await Assert.ThrowsAsync<RolesAnywhereServiceException>(credentials.GetCredentialsAsync);

        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.Contains("would pass RefreshTimeout", ex.Message, StringComparison.Ordinal);
        Assert.Contains(ServiceErrorHints.Throttled, ex.Message, StringComparison.Ordinal);
        Assert.Empty(observer.Backoffs);
        Assert.Single(world.SessionRequests);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GetCredentials_FaultOnEveryAttempt_GivesUpAfterMaxRetries(bool synchronous)
    {
        await using var world = await EmulatorWorld.StartAsync();
        var observer = new RecordingObserver(world.Clock);
        var options = world.IssueOptions();
        options.MaxRetries = 2;
        using var credentials = world.Credentials(options, observer);
        world.Emulator.EnqueueFault(EmulatorFault.InternalError(), count: 5);

        var ex = synchronous
            ? Assert.Throws<RolesAnywhereServiceException>(() => credentials.GetCredentials())
            : await Assert.ThrowsAsync<RolesAnywhereServiceException>(credentials.GetCredentialsAsync);

        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Contains("Gave up after 3 attempt(s)", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, world.SessionRequests.Count);
        Assert.Equal(2, observer.Backoffs.Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GetCredentials_MalformedBody_IsNotRetriedAndSaysWhy(bool synchronous)
    {
        await using var world = await EmulatorWorld.StartAsync();
        var observer = new RecordingObserver(world.Clock);
        using var credentials = world.Credentials(world.IssueOptions(), observer);
        world.Emulator.EnqueueFault(EmulatorFault.MalformedBody());

        var ex = synchronous
            ? Assert.Throws<RolesAnywhereServiceException>(() => credentials.GetCredentials())
            : await Assert.ThrowsAsync<RolesAnywhereServiceException>(credentials.GetCredentialsAsync);

        Assert.Contains("unusable", ex.Message, StringComparison.Ordinal);
        Assert.Single(world.SessionRequests);
        Assert.Empty(observer.Backoffs);
    }

    [Fact]
    public async Task GetCredentials_EmptyCredentialSet_IsAClearError()
    {
        await using var world = await EmulatorWorld.StartAsync();
        using var credentials = world.Credentials(world.IssueOptions());
        world.Emulator.EnqueueFault(EmulatorFault.EmptyCredentialSet());

        var ex = await Assert.ThrowsAsync<RolesAnywhereServiceException>(credentials.GetCredentialsAsync);

        Assert.Contains("credentialSet is missing or empty", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GetCredentials_HungEndpoint_AbandonsAfterRefreshTimeout(bool synchronous)
    {
        await using var world = await EmulatorWorld.StartAsync();
        var options = world.IssueOptions();
        options.HttpTimeout = TimeSpan.FromSeconds(30);
        options.RefreshTimeout = TimeSpan.FromSeconds(45);
        var observer = new RecordingObserver(world.Clock);
        using var credentials = world.Credentials(options, observer);
        world.Emulator.EnqueueFault(EmulatorFault.Hold(TimeSpan.FromMinutes(10)), count: 5);

        var call = synchronous
            ? Task.Run(() => credentials.GetCredentials(), TestContext.Current.CancellationToken)
            : credentials.GetCredentialsAsync();
        await Eventually.HoldsAsync(() => world.SessionRequests.Count == 1);
        world.Clock.Advance(TimeSpan.FromSeconds(31));
        await Eventually.HoldsAsync(() => world.SessionRequests.Count == 2 || call.IsCompleted);
        world.Clock.Advance(TimeSpan.FromSeconds(15));

        var ex = await Assert.ThrowsAsync<RolesAnywhereServiceException>(() => call);
        Assert.Contains("RefreshTimeout (45 s)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("HttpTimeout (30 s)", ex.Message, StringComparison.Ordinal);
        Assert.Null(ex.StatusCode);
    }

    [Fact]
    public async Task CreateSessionAsync_CallerCancels_PropagatesCancellation()
    {
        await using var world = await EmulatorWorld.StartAsync();
        using var credentials = world.Credentials(world.IssueOptions());
        world.Emulator.EnqueueFault(EmulatorFault.Hold(TimeSpan.FromMinutes(10)));
        using var cancel = new CancellationTokenSource();

        var call = credentials.Client.CreateSessionAsync(cancel.Token);
        await Eventually.HoldsAsync(() => world.SessionRequests.Count == 1);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }
}
