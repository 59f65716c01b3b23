using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RolesAnywhere.Credentials.Configuration;
using RolesAnywhere.Credentials.Endpoints;
using RolesAnywhere.Credentials.Tests.Credentials;

namespace RolesAnywhere.Credentials.Tests.Endpoints;

/// <summary>
/// Every partition of the one table (<see cref="Partition.Known"/>) is accepted on every path that makes
/// credentials: the constructor, dependency injection (validated at host start) and a shared config profile. Each
/// case runs against an emulator serving a region of that partition, with ARNs of that partition.
/// </summary>
public sealed class PartitionTests
{
    /// <summary>A real region of each partition (a partition added to the table without one here fails <see cref="SampleRegions_CoverEveryKnownPartition"/>).</summary>
    private static readonly Dictionary<string, string> SampleRegions = new(StringComparer.Ordinal)
    {
        ["aws"] = "eu-west-1",
        ["aws-cn"] = "cn-north-1",
        ["aws-us-gov"] = "us-gov-west-1",
        ["aws-iso"] = "us-iso-east-1",
        ["aws-iso-b"] = "us-isob-east-1",
        ["aws-iso-e"] = "eu-isoe-west-1",
        ["aws-iso-f"] = "us-isof-south-1",
        ["aws-eusc"] = "eusc-de-east-1",
    };

    public static TheoryData<string> Partitions => [.. Partition.Known.Select(p => p.Name)];

    [Fact]
    public void SampleRegions_CoverEveryKnownPartition() =>
        Assert.Equal(Partition.Known.Select(p => p.Name).Order(), SampleRegions.Keys.Order());

    [Theory]
    [MemberData(nameof(Partitions))]
    public void OfRegion_RegionOfThePartition_ReturnsIt(string partition) =>
        Assert.Equal(partition, Partition.OfRegion(SampleRegions[partition]).Name);

    [Theory]
    [MemberData(nameof(Partitions))]
    public async Task EveryPath_RegionOfThePartition_ObtainsCredentials(string partition)
    {
        var region = SampleRegions[partition];
        await using var world = await EmulatorWorld.StartAsync(region: region);
        var options = world.IssueOptions();
        Assert.StartsWith($"arn:{partition}:rolesanywhere:{region}:", options.TrustAnchorArn, StringComparison.Ordinal);

        // The constructor.
        using (var credentials = world.Credentials(options))
        {
            await credentials.GetCredentialsAsync();
        }

        // Dependency injection, validated at host start.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<TimeProvider>(world.Clock);
        builder.Services.AddRolesAnywhereCredentials(o =>
        {
            o.TrustAnchorArn = options.TrustAnchorArn;
            o.ProfileArn = options.ProfileArn;
            o.RoleArn = options.RoleArn;
            o.CertificatePath = options.CertificatePath;
            o.PrivateKeyPath = options.PrivateKeyPath;
            o.Endpoint = options.Endpoint;
        });
        using (var host = builder.Build())
        {
            await host.StartAsync(TestContext.Current.CancellationToken);
            await host.Services.GetRequiredService<RolesAnywhereAWSCredentials>().GetCredentialsAsync();
            await host.StopAsync(TestContext.Current.CancellationToken);
        }

        // A shared config profile.
        var credentialsFile = Path.Combine(world.Folder, "credentials");
        await File.WriteAllTextAsync(credentialsFile, $"""
            [ra]
            roles_anywhere_trust_anchor_arn = {options.TrustAnchorArn}
            roles_anywhere_profile_arn = {options.ProfileArn}
            roles_anywhere_role_arn = {options.RoleArn}
            roles_anywhere_certificate = {options.CertificatePath}
            roles_anywhere_private_key = {options.PrivateKeyPath}
            roles_anywhere_endpoint = {options.Endpoint}

            """, TestContext.Current.CancellationToken);
        using (var fromProfile = RolesAnywhereAWSCredentials.FromProfile("ra", credentialsFile))
        {
            await fromProfile.GetCredentialsAsync();
        }

        Assert.Equal(3, world.Emulator.SuccessfulSessionCount);
        Assert.All(world.SessionRequests, r => Assert.Equal(201, r.StatusCode));
    }

    [Theory]
    [MemberData(nameof(Partitions))]
    public void Resolve_EveryPartition_UsesItsDnsSuffix(string partition)
    {
        var failures = new List<SettingProblem>();
        var known = Partition.Find(partition)!;

        var endpoint = RolesAnywhereEndpoint.Resolve(SampleRegions[partition], known, useFips: false, useDualStack: false, customEndpoint: null, failures);

        Assert.Empty(failures);
        Assert.Equal($"https://rolesanywhere.{SampleRegions[partition]}.{known.DnsSuffix}/sessions", endpoint!.SessionsUri.ToString());
    }

    [Fact]
    public void Parse_PartitionThatDoesNotHoldTheRegion_NamesTheHoldingPartition()
    {
        var failures = new List<SettingProblem>();

        ResourceArns.Parse(
            "arn:aws:rolesanywhere:eu-isoe-west-1:111122223333:trust-anchor/ta",
            "arn:aws:rolesanywhere:eu-isoe-west-1:111122223333:profile/pr",
            "arn:aws:iam::111122223333:role/app",
            region: null,
            failures);

        Assert.Contains(failures, f => f.ToString().StartsWith("TrustAnchorArn: the partition 'aws' does not hold region 'eu-isoe-west-1', which belongs to 'aws-iso-e'", StringComparison.Ordinal));
    }
}
