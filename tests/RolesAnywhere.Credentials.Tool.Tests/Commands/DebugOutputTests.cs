using RolesAnywhere.Credentials.Sessions;
using RolesAnywhere.Credentials.Tool.Tests.Support;

namespace RolesAnywhere.Credentials.Tool.Tests.Commands;

/// <summary><c>--debug</c> shows which credentials are in use by the last 4 characters of the access key id only, as the README says.</summary>
public sealed class DebugOutputTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task UpdateOnceWithDebug_AccessKeyIdMaskedToLast4()
    {
        var source = new ScriptedCredentialSource(TimeProvider.System);

        var run = await ToolRun.RunAsync(ToolRun.SessionArgs("update", "--once", "--debug"), _ => source, sharedCredentialsPath: directory.File("credentials"));

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("ASIATEST000000000001", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("token-", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("****************0001", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void SessionCredentials_ToString_MasksAccessKeyId()
    {
        var now = DateTimeOffset.UtcNow;
        var credentials = new RolesAnywhere.Credentials.Sessions.SessionCredentials("ASIAEXAMPLE00001WXYZ", "secret", "token", now.AddHours(1), now, accountId: null, assumedRoleArn: null, subjectArn: null);

        Assert.StartsWith("****************WXYZ (", credentials.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret", credentials.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("token", credentials.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ASIAEXAMPLE00001WXYZ", "****************WXYZ")]
    [InlineData("ABCD", "****")]
    [InlineData("AB", "**")]
    [InlineData("", "")]
    public void Mask_ShowsOnlyTheLast4OfLongerIds(string id, string masked)
    {
        Assert.Equal(masked, RolesAnywhere.Credentials.Diagnostics.AccessKeyMask.Mask(id));
    }
}
