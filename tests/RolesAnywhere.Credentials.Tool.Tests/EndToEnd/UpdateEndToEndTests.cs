using RolesAnywhere.Credentials.Tool.Tests.Support;

namespace RolesAnywhere.Credentials.Tool.Tests.EndToEnd;

[Collection(EndToEndGroup.Name)]
public sealed class UpdateEndToEndTests : IDisposable
{
    private readonly EmulatorFixture emulator;
    private readonly TempDirectory home = new();

    public UpdateEndToEndTests(EmulatorFixture emulator) => this.emulator = emulator;

    public void Dispose() => home.Dispose();

    [Fact]
    public async Task Once_ProfileWrittenAndBotocoreSignsWithIt()
    {
        RealClients.RequireBotocore();
        var credentials = home.File("credentials");
        await File.WriteAllTextAsync(credentials, "# keep me\n[static]\naws_access_key_id = AKIAKEEP\naws_secret_access_key = keep\n", TestContext.Current.CancellationToken);
        var env = new Dictionary<string, string> { ["AWS_SHARED_CREDENTIALS_FILE"] = credentials };

        var run = await ExternalProcess.RunAsync(ToolBinary.Path, ["update", "--once", "--profile", "ra", .. emulator.SessionFlags()], env);
        var (method, arn, _) = await Botocore.GetCallerIdentityAsync(emulator.Emulator.Endpoint, home.Path, new Dictionary<string, string>(env) { ["TEST_PROFILE"] = "ra" });

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("shared-credentials-file", method);
        Assert.Contains(EmulatorFixture.RoleName, arn, StringComparison.Ordinal);
        Assert.StartsWith("# keep me\n[static]\naws_access_key_id = AKIAKEEP\naws_secret_access_key = keep\n\n[ra]\n", await File.ReadAllTextAsync(credentials, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(credentials));
        }
    }
}
