using System.Diagnostics;
using System.Net;
using System.Text.Json;
using RolesAnywhere.Credentials.Testing.Tests.Support;

namespace RolesAnywhere.Credentials.Testing.Tests;

/// <summary>Scripted faults: each kind, played in order to the next CreateSession requests, then back to normal.</summary>
public sealed class RolesAnywhereEmulatorFaultTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IDisposable
{
    private SessionRequest Valid => fixture.Request(TestPki.EcLeaf, fixture.EcAnchorArn);

    public void Dispose() => fixture.Emulator.ClearFaults();

    [Fact]
    public async Task EnqueueFault_ThrottleWithRetryAfter_429ThenNormal()
    {
        fixture.Emulator.EnqueueFault(EmulatorFault.Throttle(TimeSpan.FromSeconds(1.2)));

        using (var throttled = await fixture.SendAsync(Valid))
        {
            await ResponseAssert.ErrorAsync(throttled, HttpStatusCode.TooManyRequests, "ThrottlingException", "Rate exceeded");
            Assert.Equal(TimeSpan.FromSeconds(2), throttled.Headers.RetryAfter?.Delta);
        }

        Assert.Equal(EmulatorFaultKind.Throttle, fixture.Emulator.Requests[^1].Fault);
        using var next = await fixture.SendAsync(Valid);
        await ResponseAssert.CreatedAsync(next);
        Assert.Null(fixture.Emulator.Requests[^1].Fault);
    }

    [Fact]
    public async Task EnqueueFault_TwoInternalErrorsThenServiceUnavailable_PlayedInOrder()
    {
        fixture.Emulator.EnqueueFault(EmulatorFault.InternalError(), count: 2);
        fixture.Emulator.EnqueueFault(EmulatorFault.ServiceUnavailable());
        Assert.Equal(3, fixture.Emulator.PendingFaultCount);

        using (var first = await fixture.SendAsync(Valid))
        using (var second = await fixture.SendAsync(Valid))
        using (var third = await fixture.SendAsync(Valid))
        using (var fourth = await fixture.SendAsync(Valid))
        {
            await ResponseAssert.ErrorAsync(first, HttpStatusCode.InternalServerError, "InternalServerException", "internal error");
            await ResponseAssert.ErrorAsync(second, HttpStatusCode.InternalServerError, "InternalServerException", "internal error");
            await ResponseAssert.ErrorAsync(third, HttpStatusCode.ServiceUnavailable, "ServiceUnavailableException", "unavailable");
            await ResponseAssert.CreatedAsync(fourth);
        }

        Assert.Equal(0, fixture.Emulator.PendingFaultCount);
    }

    [Fact]
    public async Task EnqueueFault_ConnectionReset_ClientSeesNetworkFailure()
    {
        fixture.Emulator.EnqueueFault(EmulatorFault.ConnectionReset());
        var successes = fixture.Emulator.SuccessfulSessionCount;

        await Assert.ThrowsAsync<HttpRequestException>(() => fixture.SendAsync(Valid));

        Assert.Equal(successes, fixture.Emulator.SuccessfulSessionCount);
        Assert.Equal(EmulatorFaultKind.ConnectionReset, fixture.Emulator.Requests[^1].Fault);
        using var next = await fixture.SendAsync(Valid);
        await ResponseAssert.CreatedAsync(next);
    }

    [Fact]
    public async Task EnqueueFault_Hold_AnswerArrivesAfterTheDelay()
    {
        fixture.Emulator.EnqueueFault(EmulatorFault.Hold(TimeSpan.FromMilliseconds(400)));
        var stopwatch = Stopwatch.StartNew();

        using var response = await fixture.SendAsync(Valid);

        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(390), stopwatch.Elapsed.ToString());
        await ResponseAssert.CreatedAsync(response);
    }

    [Fact]
    public async Task EnqueueFault_HoldLongerThanClientTimeout_ClientTimesOut()
    {
        fixture.Emulator.EnqueueFault(EmulatorFault.Hold(TimeSpan.FromSeconds(30)));
        using var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(200) };
        using var message = Valid.Build();

        await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.SendAsync(message, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task EnqueueFault_MalformedBody_201WithUnparsableJson()
    {
        fixture.Emulator.EnqueueFault(EmulatorFault.MalformedBody());

        using var response = await fixture.SendAsync(Valid);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
    }

    [Fact]
    public async Task EnqueueFault_EmptyCredentialSet_201WithNoCredentials()
    {
        fixture.Emulator.EnqueueFault(EmulatorFault.EmptyCredentialSet());

        using var response = await fixture.SendAsync(Valid);

        var body = await ResponseAssert.CreatedAsync(response);
        Assert.Equal(0, body.GetProperty("credentialSet").GetArrayLength());
    }

    [Fact]
    public async Task ClearFaults_QueuedFaults_NextRequestSucceeds()
    {
        fixture.Emulator.EnqueueFault(EmulatorFault.InternalError(), count: 5);
        fixture.Emulator.ClearFaults();

        using var response = await fixture.SendAsync(Valid);

        await ResponseAssert.CreatedAsync(response);
    }

    [Fact]
    public void EnqueueFault_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => fixture.Emulator.EnqueueFault(EmulatorFault.InternalError(), count: 0));
        Assert.Throws<ArgumentNullException>(() => fixture.Emulator.EnqueueFault(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => EmulatorFault.Hold(TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => EmulatorFault.Throttle(TimeSpan.FromSeconds(-1)));
    }
}
