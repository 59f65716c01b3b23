using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using RolesAnywhere.Credentials.Tests.Credentials;

namespace RolesAnywhere.Credentials.Tests.Hosting;

/// <summary>Changes process-wide state (environment variables, <see cref="AWSConfigs.AWSCredentialsGenerators"/>): runs alone.</summary>
[CollectionDefinition(nameof(ProcessEnvironment), DisableParallelization = true)]
public sealed class ProcessEnvironment;

[Collection(nameof(ProcessEnvironment))]
public sealed class DefaultCredentialChainTests : IAsyncLifetime
{
    private static readonly string[] Variables =
        ["AWS_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_EC2_METADATA_DISABLED"];

    private readonly Dictionary<string, string?> saved = Variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);
    private EmulatorWorld world = null!;

    private string CredentialsFile => Path.Combine(world.Folder, "credentials");

    public async ValueTask InitializeAsync()
    {
        world = await EmulatorWorld.StartAsync();
        var options = world.IssueOptions();
        // The SDK fixes the config file's location at process start, but AWSConfigs.AWSProfilesLocation names the
        // shared credentials file for every later lookup: the test profiles live there.
        await File.WriteAllTextAsync(CredentialsFile, $"""
            [ra]
            region = eu-west-1
            roles_anywhere_trust_anchor_arn = {options.TrustAnchorArn}
            roles_anywhere_profile_arn = {options.ProfileArn}
            roles_anywhere_role_arn = {options.RoleArn}
            roles_anywhere_certificate = {options.CertificatePath}
            roles_anywhere_private_key = {options.PrivateKeyPath}
            roles_anywhere_endpoint = {world.Emulator.Endpoint}
            roles_anywhere_session_duration = 900

            [plain]
            aws_access_key_id = AKIDPLAINEXAMPLE
            aws_secret_access_key = plain-secret

            """);
        AWSConfigs.AWSProfilesLocation = CredentialsFile;
        foreach (var name in Variables)
        {
            Environment.SetEnvironmentVariable(name, null);
        }

        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
    }

    public async ValueTask DisposeAsync()
    {
        AWSConfigs.AWSCredentialsGenerators = null;
        AWSConfigs.AWSProfilesLocation = null;
        foreach (var pair in saved)
        {
            Environment.SetEnvironmentVariable(pair.Key, pair.Value);
        }

        await world.DisposeAsync();
    }

    [Fact]
    public void FromProfile_ProfileWithRolesAnywhereKeys_ObtainsCredentials()
    {
        using var credentials = RolesAnywhereAWSCredentials.FromProfile("ra", CredentialsFile);

        var issued = credentials.GetCredentials();

        Assert.StartsWith("ASIA", issued.AccessKey, StringComparison.Ordinal);
        Assert.Equal(1, world.Emulator.SuccessfulSessionCount);
    }

    [Fact]
    public async Task NewClientWithoutCredentials_AwsProfileNamesRolesAnywhereProfile_UsesRolesAnywhere()
    {
        Environment.SetEnvironmentVariable("AWS_PROFILE", "ra");
        RolesAnywhereAWSCredentials.RegisterInDefaultCredentialChain();
        RolesAnywhereAWSCredentials.RegisterInDefaultCredentialChain();
        using var sts = new AmazonSecurityTokenServiceClient(new AmazonSecurityTokenServiceConfig
        {
            ServiceURL = world.Emulator.Endpoint.ToString(),
            AuthenticationRegion = world.Emulator.Region,
        });

        var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), TestContext.Current.CancellationToken);

        Assert.StartsWith($"arn:aws:sts::{world.Emulator.AccountId}:assumed-role/app/", identity.Arn, StringComparison.Ordinal);
        Assert.Equal(5, AWSConfigs.AWSCredentialsGenerators!.Count);
    }

    [Fact]
    public void DefaultChain_OtherProfile_StillResolvesTheSdksOwnProfileCredentials()
    {
        Environment.SetEnvironmentVariable("AWS_PROFILE", "plain");
        RolesAnywhereAWSCredentials.RegisterInDefaultCredentialChain();

        using var resolver = new DefaultAWSCredentialsIdentityResolver();
        var credentials = resolver.ResolveIdentity(null, TestContext.Current.CancellationToken);

        Assert.IsNotType<RolesAnywhereAWSCredentials>(credentials);
        Assert.Equal("AKIDPLAINEXAMPLE", credentials.GetCredentials().AccessKey);
        Assert.Equal(0, world.Emulator.SuccessfulSessionCount);
    }

    [Fact]
    public void DefaultChain_EnvironmentVariablesSet_TakePrecedenceOverTheProfile()
    {
        Environment.SetEnvironmentVariable("AWS_PROFILE", "ra");
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDENVEXAMPLE");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "env-secret");
        RolesAnywhereAWSCredentials.RegisterInDefaultCredentialChain();

        using var resolver = new DefaultAWSCredentialsIdentityResolver();
        var credentials = resolver.ResolveIdentity(null, TestContext.Current.CancellationToken);

        Assert.IsType<EnvironmentVariablesAWSCredentials>(credentials);
        Assert.Equal(0, world.Emulator.SuccessfulSessionCount);
    }

    [Fact]
    public void DefaultChain_ProfileResolvedTwice_ReusesOneCredentialsObject()
    {
        Environment.SetEnvironmentVariable("AWS_PROFILE", "ra");
        RolesAnywhereAWSCredentials.RegisterInDefaultCredentialChain();

        using var first = new DefaultAWSCredentialsIdentityResolver();
        using var second = new DefaultAWSCredentialsIdentityResolver();

        var a = Assert.IsType<RolesAnywhereAWSCredentials>(first.ResolveIdentity(null, TestContext.Current.CancellationToken));
        Assert.Same(a, second.ResolveIdentity(null, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void DefaultChain_KeyFileBrokenAfterFirstResolution_LaterResolutionsDoNotLoadIt()
    {
        Environment.SetEnvironmentVariable("AWS_PROFILE", "ra");
        RolesAnywhereAWSCredentials.RegisterInDefaultCredentialChain();
        using var first = new DefaultAWSCredentialsIdentityResolver();
        var a = Assert.IsType<RolesAnywhereAWSCredentials>(first.ResolveIdentity(null, TestContext.Current.CancellationToken));
        var keyPath = File.ReadAllLines(CredentialsFile).Single(l => l.StartsWith("roles_anywhere_private_key", StringComparison.Ordinal)).Split('=', 2)[1].Trim();
        var key = File.ReadAllText(keyPath);
        File.WriteAllText(keyPath, "not a key");
        try
        {
            using var second = new DefaultAWSCredentialsIdentityResolver();

            // Loading the key (as every resolution did) would fail now; the profile is only read and checked.
            Assert.Same(a, second.ResolveIdentity(null, TestContext.Current.CancellationToken));
        }
        finally
        {
            File.WriteAllText(keyPath, key);
        }
    }
}
