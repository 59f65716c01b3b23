using System.Net;
using Microsoft.Extensions.Time.Testing;
using RolesAnywhere.Credentials.Testing.Tests.Support;

namespace RolesAnywhere.Credentials.Testing.Tests;

/// <summary>Configuration of a running emulator: intermediates as anchors, run-time changes, its clock, argument checks.</summary>
public sealed class RolesAnywhereEmulatorConfigurationTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task AddTrustAnchor_IntermediateAsAnchor_LeafTrustedWithoutChainHeader()
    {
        var anchor = fixture.Emulator.AddTrustAnchor(TestPki.Issuing.Certificate);

        using var response = await fixture.SendAsync(fixture.Request(TestPki.ChainedLeaf, anchor));

        await ResponseAssert.CreatedAsync(response);
    }

    [Fact]
    public async Task AddTrustAnchor_IntermediateAsAnchor_SiblingIntermediateLeafUntrusted()
    {
        var anchor = fixture.Emulator.AddTrustAnchor(TestPki.Issuing.Certificate);
        using var sibling = TestPki.RsaRoot.CreateIntermediate();
        using var leaf = sibling.IssueClientCertificate();

        using var response = await fixture.SendAsync(fixture.Request(leaf, anchor, [sibling.Certificate]));

        await ResponseAssert.ErrorAsync(response, HttpStatusCode.Forbidden, "AccessDeniedException", "Untrusted signing certificate");
    }

    [Fact]
    public async Task RemoveTrustAnchor_WhileRunning_LaterRequestsNotFound()
    {
        var anchor = fixture.Emulator.AddTrustAnchor(TestPki.EcRoot.Certificate);
        using (var before = await fixture.SendAsync(fixture.Request(TestPki.EcLeaf, anchor)))
        {
            await ResponseAssert.CreatedAsync(before);
        }

        Assert.True(fixture.Emulator.RemoveTrustAnchor(anchor));

        using var after = await fixture.SendAsync(fixture.Request(TestPki.EcLeaf, anchor));
        await ResponseAssert.ErrorAsync(after, HttpStatusCode.NotFound, "ResourceNotFoundException", "Trust anchor");
    }

    [Fact]
    public async Task UpdateProfile_WhileRunning_NewRulesApply()
    {
        var profile = fixture.Emulator.AddProfile(new EmulatorProfile { RoleArns = [fixture.RoleArn] });
        var request = fixture.Request(TestPki.EcLeaf, fixture.EcAnchorArn) with { ProfileArn = profile };
        using (var before = await fixture.SendAsync(request))
        {
            await ResponseAssert.CreatedAsync(before);
        }

        fixture.Emulator.UpdateProfile(profile, new EmulatorProfile { RoleArns = [fixture.OtherRoleArn] });

        using var after = await fixture.SendAsync(request);
        await ResponseAssert.ErrorAsync(after, HttpStatusCode.Forbidden, "AccessDeniedException", "does not allow the role");
    }

    [Fact]
    public async Task AddProfile_Disabled_AccessDenied()
    {
        var profile = fixture.Emulator.AddProfile(new EmulatorProfile { RoleArns = [fixture.RoleArn], Enabled = false });

        using var response = await fixture.SendAsync(fixture.Request(TestPki.EcLeaf, fixture.EcAnchorArn) with { ProfileArn = profile });

        await ResponseAssert.ErrorAsync(response, HttpStatusCode.Forbidden, "AccessDeniedException", "disabled");
    }

    [Fact]
    public async Task Response_DateHeader_FollowsEmulatorClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        await using var emulator = await RolesAnywhereEmulator.StartAsync(new RolesAnywhereEmulatorOptions { TimeProvider = clock }, TestContext.Current.CancellationToken);

        using var response = await fixture.Http.PostAsync(new Uri(emulator.Endpoint, "sessions"), new StringContent("{}"), TestContext.Current.CancellationToken);

        Assert.Equal(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero), response.Headers.Date);
        Assert.Equal(clock.GetUtcNow(), emulator.Requests[^1].ReceivedAt);
    }

    [Fact]
    public async Task StartAsync_GovCloudRegion_PartitionInferred()
    {
        await using var emulator = await RolesAnywhereEmulator.StartAsync(new RolesAnywhereEmulatorOptions { Region = "us-gov-west-1" }, TestContext.Current.CancellationToken);

        Assert.Equal("aws-us-gov", emulator.Partition);
        Assert.Equal("arn:aws-us-gov:iam::111122223333:role/r", emulator.RoleArn("r"));
        Assert.StartsWith("arn:aws-us-gov:rolesanywhere:us-gov-west-1:111122223333:trust-anchor/", emulator.AddTrustAnchor(TestPki.EcRoot.Certificate), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "111122223333")]
    [InlineData("us-east-1", "1234")]
    [InlineData("us-east-1", "11112222333x")]
    public async Task StartAsync_InvalidOptions_ArgumentException(string region, string account)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            RolesAnywhereEmulator.StartAsync(new RolesAnywhereEmulatorOptions { Region = region, AccountId = account }, TestContext.Current.CancellationToken));

        Assert.Contains("RolesAnywhereEmulatorOptions.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Configuration_BadArguments_ClearExceptions()
    {
        Assert.Throws<ArgumentNullException>(() => fixture.Emulator.AddTrustAnchor(null!));
        Assert.Throws<ArgumentNullException>(() => fixture.Emulator.AddProfile(null!));
        Assert.Throws<KeyNotFoundException>(() => fixture.Emulator.UpdateProfile("arn:aws:rolesanywhere:eu-west-1:111122223333:profile/none", new EmulatorProfile()));
        Assert.Throws<ArgumentException>(() => fixture.Emulator.RevokeSerialNumber("not-hex"));
        Assert.Throws<ArgumentException>(() => fixture.Emulator.RoleArn(string.Empty));
    }

    [Fact]
    public async Task Requests_ConcurrentCallers_AllAnsweredAndRecorded()
    {
        fixture.Emulator.ClearRequests();
        var before = fixture.Emulator.SuccessfulSessionCount;

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => fixture.SendAsync(fixture.Request(TestPki.EcLeaf, fixture.EcAnchorArn))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(before + 50, fixture.Emulator.SuccessfulSessionCount);
        Assert.Equal(50, fixture.Emulator.Requests.Count);
        Assert.Equal(50, fixture.Emulator.Requests.Select(r => r.IssuedAccessKeyId).Distinct().Count());
        foreach (var response in responses)
        {
            response.Dispose();
        }

    }
}
