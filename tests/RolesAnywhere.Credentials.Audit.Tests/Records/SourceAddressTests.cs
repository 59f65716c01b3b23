using RolesAnywhere.Credentials.Audit.Records;
using RolesAnywhere.Credentials.Audit.Settings;
using RolesAnywhere.Credentials.Audit.Tests.Support;

namespace RolesAnywhere.Credentials.Audit.Tests.Records;

public sealed class SourceAddressTests
{
    [Theory]
    [InlineData("203.0.113.10", "IpAddress")]
    [InlineData("2001:db8::7", "IpAddress")]
    [InlineData("::ffff:203.0.113.10", "IpAddress")]
    [InlineData("rolesanywhere.amazonaws.com", "AwsService")]
    [InlineData("sts.amazonaws.com", "AwsService")]
    [InlineData("ec2.eu-west-1.amazonaws.com", "AwsService")]
    [InlineData("AWS Internal", "AwsInternal")]
    [InlineData(null, "Missing")]
    [InlineData("", "Missing")]
    [InlineData("evil.example.com", "Unrecognized")]
    [InlineData("amazonaws.com", "Unrecognized")]
    [InlineData("x..amazonaws.com", "Unrecognized")]
    [InlineData("EVIL.amazonaws.com", "Unrecognized")]
    [InlineData("aws internal", "Unrecognized")]
    [InlineData("1", "Unrecognized")]
    [InlineData("0x7f.1", "Unrecognized")]
    [InlineData("fe80::1%eth0", "Unrecognized")]
    [InlineData("203.0.113.10\n", "Unrecognized")]
    public void Classify_DocumentedValuesAndTheRest(string? value, string expected)
    {
        Assert.Equal(Enum.Parse<SourceAddressKind>(expected), SourceAddress.Classify(value));
    }

    [Fact]
    public async Task Run_CreateSessionFromAnUnrecognizedAddress_IsAFindingEvenWithAllowedCidrs()
    {
        using var workspace = new AuditWorkspace();
        var trail = new Trail()
            .Session("odd", TimeSpan.Zero, "evil.example.com", "1a2b3c")
            .Session("svc", TimeSpan.FromMinutes(1), "AWS Internal", "1a2b3d")
            .Session("ok", TimeSpan.FromMinutes(2), "203.0.113.10", "1a2b3e");
        var path = workspace.Write("trail.json", trail.ToString());

        var result = await Scenario.RunAsync(new AuditOptions { Inputs = [path], AllowedNetworks = AllowedNetworks.Parse("203.0.113.0/24") });

        var finding = Assert.Single(result.Findings);
        Assert.Equal(("unrecognized-source-address", "odd", "evil.example.com"), (finding.Rule, finding.EventId, finding.SourceIpAddress));
        Assert.Equal(1, result.Summary.CreateSessionSources[SourceAddressKind.AwsInternal]);
        Assert.Equal(1, result.Summary.CreateSessionSources[SourceAddressKind.Unrecognized]);
    }

    [Fact]
    public async Task Run_SessionUsedFromAnUnrecognizedAddress_IsAFinding()
    {
        using var workspace = new AuditWorkspace();
        var trail = new Trail()
            .Session("web", TimeSpan.Zero, "203.0.113.10", "1a2b3c")
            .Call("list", TimeSpan.FromMinutes(5), "not-an-address", "1a2b3c", "s3.amazonaws.com", "ListBuckets");
        var path = workspace.Write("trail.json", trail.ToString());

        var result = await Scenario.RunAsync(new AuditOptions { Inputs = [path] });

        Assert.Contains(result.Findings, f => f.Rule == "unrecognized-source-address" && f.EventId == "list" && f.SerialNumber == "1a2b3c");
    }
}
