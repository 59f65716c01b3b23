using RolesAnywhere.Credentials.Configuration;
using RolesAnywhere.Credentials.Endpoints;

namespace RolesAnywhere.Credentials.Tests.Endpoints;

public sealed class ResourceArnsTests
{
    private const string TrustAnchor = "arn:aws:rolesanywhere:eu-west-1:111122223333:trust-anchor/ta1";
    private const string Profile = "arn:aws:rolesanywhere:eu-west-1:111122223333:profile/p1";
    private const string Role = "arn:aws:iam::111122223333:role/app";

    [Fact]
    public void Parse_ConsistentArns_TakesRegionAndPartitionFromTrustAnchor()
    {
        var failures = new List<SettingProblem>();

        var arns = ResourceArns.Parse(TrustAnchor, Profile, Role, region: null, failures);

        Assert.Empty(failures);
        Assert.NotNull(arns);
        Assert.Equal("eu-west-1", arns.Region);
        Assert.Equal("aws", arns.Partition.Name);
        Assert.False(arns.RegionIsFips);
    }

    [Fact]
    public void Parse_ProfileInOtherRegion_ReportsBothRegions()
    {
        var failures = new List<SettingProblem>();

        var arns = ResourceArns.Parse(TrustAnchor, Profile.Replace("eu-west-1", "us-east-1", StringComparison.Ordinal), Role, null, failures);

        Assert.Null(arns);
        var failure = Assert.Single(failures).ToString();
        Assert.Contains("ProfileArn", failure, StringComparison.Ordinal);
        Assert.Contains("us-east-1", failure, StringComparison.Ordinal);
        Assert.Contains("eu-west-1", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingAndMalformed_ReportsEveryProblemAtOnce()
    {
        var failures = new List<SettingProblem>();

        var arns = ResourceArns.Parse(null, "arn:aws:rolesanywhere:eu-west-1:111122223333:trust-anchor/x", "role/app", null, failures);

        Assert.Null(arns);
        Assert.Equal(3, failures.Count);
        Assert.Contains(failures, f => f.ToString().StartsWith("TrustAnchorArn: required", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.ToString().StartsWith("ProfileArn", StringComparison.Ordinal) && f.ToString().Contains("'trust-anchor'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.ToString().StartsWith("RoleArn", StringComparison.Ordinal) && f.ToString().Contains("not an ARN", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_BadAccountId_NamesIt()
    {
        var failures = new List<SettingProblem>();

        ResourceArns.Parse(TrustAnchor, Profile, "arn:aws:iam::1234:role/app", null, failures);

        Assert.Contains(failures, f => f.ToString().Contains("12-digit", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_RoleFromOtherPartition_IsRefused()
    {
        var failures = new List<SettingProblem>();

        ResourceArns.Parse(TrustAnchor, Profile, "arn:aws-cn:iam::111122223333:role/app", null, failures);

        Assert.Contains(failures, f => f.ToString().StartsWith("RoleArn", StringComparison.Ordinal) && f.ToString().Contains("partition", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("eu-west-1-fips")]
    [InlineData("fips-eu-west-1")]
    public void Parse_FipsPseudoRegion_SignsForPlainRegion(string region)
    {
        var failures = new List<SettingProblem>();

        var arns = ResourceArns.Parse(TrustAnchor, Profile, Role, region, failures);

        Assert.Empty(failures);
        Assert.Equal("eu-west-1", arns!.Region);
        Assert.True(arns.RegionIsFips);
    }

    [Fact]
    public void Parse_ExplicitRegionDifferentFromTrustAnchor_IsRefused()
    {
        var failures = new List<SettingProblem>();

        var arns = ResourceArns.Parse(TrustAnchor, Profile, Role, "us-east-1", failures);

        Assert.Null(arns);
        Assert.Contains(failures, f => f.ToString().StartsWith("Region", StringComparison.Ordinal) && f.ToString().Contains("eu-west-1", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_RegionWithHostCharacters_IsRefused()
    {
        var failures = new List<SettingProblem>();

        ResourceArns.Parse("arn:aws:rolesanywhere:evil.com/x:111122223333:trust-anchor/ta1", Profile, Role, null, failures);

        Assert.Contains(failures, f => f.ToString().StartsWith("TrustAnchorArn", StringComparison.Ordinal) && f.ToString().Contains("region", StringComparison.Ordinal));
    }
}
