using System.Net;
using Microsoft.Extensions.Time.Testing;
using RolesAnywhere.Credentials.Sessions;
using RolesAnywhere.Credentials.Testing;
using RolesAnywhere.Credentials.Testing.Certificates;

namespace RolesAnywhere.Credentials.Tests.Credentials;

/// <summary>Each refusal the emulator makes, as the caller sees it: exception, status, type and hint.</summary>
public sealed class ServiceRefusalTests
{
    [Fact]
    public async Task GetCredentials_CertificateFromUnknownCa_UntrustedWithHint()
    {
        await using var world = await EmulatorWorld.StartAsync();
        using var stranger = TestCertificateAuthority.CreateRoot(new TestCertificateOptions { SubjectName = "CN=Stranger" }, world.Clock);
        using var leaf = stranger.IssueClientCertificate();
        using var credentials = world.Credentials(world.OptionsFor(leaf));

        var ex = await Assert.ThrowsAsync<RolesAnywhereServiceException>(credentials.GetCredentialsAsync);

        AssertRefusal(ex, HttpStatusCode.Forbidden, "AccessDeniedException", ServiceErrorHints.UntrustedCertificate);
        Assert.Single(world.SessionRequests);
    }

    [Fact]
    public async Task GetCredentials_IntermediateNotConfigured_UntrustedWithHint()
    {
        await using var world = await EmulatorWorld.StartAsync();
        using var issuing = world.Root.CreateIntermediate();
        using var leaf = issuing.IssueClientCertificate();
        using var credentials = world.Credentials(world.OptionsFor(leaf));

        var ex = Assert.Throws<RolesAnywhereServiceException>(() => credentials.GetCredentials());

        AssertRefusal(ex, HttpStatusCode.Forbidden, "AccessDeniedException", ServiceErrorHints.UntrustedCertificate);
        Assert.Contains("intermediate", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCredentials_ClockTenMinutesAhead_InvalidSignatureNamingTheSkew()
    {
        await using var world = await EmulatorWorld.StartAsync();
        var skewed = new FakeTimeProvider(world.Clock.GetUtcNow().AddMinutes(10));
        using var credentials = new RolesAnywhereAWSCredentials(world.IssueOptions(), skewed, null, null);

        var ex = await Assert.ThrowsAsync<RolesAnywhereServiceException>(credentials.GetCredentialsAsync);

        AssertRefusal(ex, HttpStatusCode.Forbidden, "AccessDeniedException", ServiceErrorHints.InvalidSignature);
        Assert.Contains("about 10 minutes ahead of the service's", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCredentials_RoleNotInProfile_RoleHint()
    {
        await using var world = await EmulatorWorld.StartAsync();
        var options = world.IssueOptions();
        options.RoleArn = world.Emulator.RoleArn("other");
        using var credentials = world.Credentials(options);

        var ex = await Assert.ThrowsAsync<RolesAnywhereServiceException>(credentials.GetCredentialsAsync);

        AssertRefusal(ex, HttpStatusCode.Forbidden, "AccessDeniedException", ServiceErrorHints.RoleAccessDenied);
    }

    [Fact]
    public async Task GetCredentials_SessionNameWhenProfileRefusesIt_SessionNameHint()
    {
        await using var world = await EmulatorWorld.StartAsync(acceptRoleSessionName: false);
        var options = world.IssueOptions();
        options.RoleSessionName = "build-42";
        using var credentials = world.Credentials(options);

        var ex = await Assert.ThrowsAsync<RolesAnywhereServiceException>(credentials.GetCredentialsAsync);

        AssertRefusal(ex, HttpStatusCode.Forbidden, "AccessDeniedException", ServiceErrorHints.SessionNameRefused);
    }

    [Fact]
    public async Task GetCredentials_SessionNameWhenProfileAcceptsIt_Succeeds()
    {
        await using var world = await EmulatorWorld.StartAsync(acceptRoleSessionName: true);
        var options = world.IssueOptions();
        options.RoleSessionName = "build-42";
        using var credentials = world.Credentials(options);

        await credentials.GetCredentialsAsync();

        Assert.Contains("\"roleSessionName\":\"build-42\"", world.SessionRequests[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCredentials_DurationAboveProfileCap_DurationHint()
    {
        await using var world = await EmulatorWorld.StartAsync(maxSessionDuration: TimeSpan.FromMinutes(30));
        var options = world.IssueOptions();
        options.SessionDuration = TimeSpan.FromHours(2);
        using var credentials = world.Credentials(options);

        var ex = await Assert.ThrowsAsync<RolesAnywhereServiceException>(credentials.GetCredentialsAsync);

        Assert.Contains(ServiceErrorHints.DurationRefused, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCredentials_ProfileDisabled_DisabledHint()
    {
        await using var world = await EmulatorWorld.StartAsync();
        world.Emulator.UpdateProfile(world.ProfileArn, new EmulatorProfile { RoleArns = [world.RoleArn], Enabled = false });
        using var credentials = world.Credentials(world.IssueOptions());

        var ex = await Assert.ThrowsAsync<RolesAnywhereServiceException>(credentials.GetCredentialsAsync);

        AssertRefusal(ex, HttpStatusCode.Forbidden, "AccessDeniedException", ServiceErrorHints.Disabled);
    }

    [Fact]
    public async Task GetCredentials_UnknownProfile_NotFoundHint()
    {
        await using var world = await EmulatorWorld.StartAsync();
        var options = world.IssueOptions();
        options.ProfileArn = world.ProfileArn[..world.ProfileArn.LastIndexOf('/')] + "/00000000-0000-0000-0000-000000000000";
        using var credentials = world.Credentials(options);

        var ex = await Assert.ThrowsAsync<RolesAnywhereServiceException>(credentials.GetCredentialsAsync);

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Contains(ServiceErrorHints.NotFound, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCredentials_RevokedCertificate_CertificateHint()
    {
        await using var world = await EmulatorWorld.StartAsync();
        using var leaf = world.Root.IssueClientCertificate();
        world.Emulator.Revoke(leaf);
        using var credentials = world.Credentials(world.OptionsFor(leaf));

        var ex = await Assert.ThrowsAsync<RolesAnywhereServiceException>(credentials.GetCredentialsAsync);

        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.NotNull(ex.RequestId);
    }

    private static void AssertRefusal(RolesAnywhereServiceException ex, HttpStatusCode status, string type, string hint)
    {
        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(type, ex.ErrorType);
        Assert.NotNull(ex.RequestId);
        Assert.Contains(ex.RequestId!, ex.Message, StringComparison.Ordinal);
        Assert.Contains(hint, ex.Message, StringComparison.Ordinal);
    }
}
