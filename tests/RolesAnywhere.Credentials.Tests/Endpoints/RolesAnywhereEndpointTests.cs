using RolesAnywhere.Credentials.Configuration;
using RolesAnywhere.Credentials.Endpoints;

namespace RolesAnywhere.Credentials.Tests.Endpoints;

public sealed class RolesAnywhereEndpointTests
{
    [Theory]
    [InlineData("aws", "us-east-1", false, false, "https://rolesanywhere.us-east-1.amazonaws.com/sessions")]
    [InlineData("aws-cn", "cn-north-1", false, false, "https://rolesanywhere.cn-north-1.amazonaws.com.cn/sessions")]
    [InlineData("aws-us-gov", "us-gov-west-1", false, false, "https://rolesanywhere.us-gov-west-1.amazonaws.com/sessions")]
    [InlineData("aws", "us-east-1", true, false, "https://rolesanywhere-fips.us-east-1.amazonaws.com/sessions")]
    [InlineData("aws-us-gov", "us-gov-east-1", true, false, "https://rolesanywhere-fips.us-gov-east-1.amazonaws.com/sessions")]
    [InlineData("aws", "eu-west-1", false, true, "https://rolesanywhere.eu-west-1.api.aws/sessions")]
    [InlineData("aws", "eu-west-1", true, true, "https://rolesanywhere-fips.eu-west-1.api.aws/sessions")]
    [InlineData("aws-cn", "cn-northwest-1", false, true, "https://rolesanywhere.cn-northwest-1.api.amazonwebservices.com.cn/sessions")]
    public void Resolve_RegionAndPartition_GivesServiceHost(string partition, string region, bool fips, bool dualStack, string expected)
    {
        var failures = new List<SettingProblem>();

        var endpoint = RolesAnywhereEndpoint.Resolve(region, Partition.Find(partition)!, fips, dualStack, null, failures);

        Assert.Empty(failures);
        Assert.Equal(expected, endpoint!.SessionsUri.ToString());
        Assert.Equal(region, endpoint.SigningRegion);
    }

    [Fact]
    public void Resolve_DualStackInIsoPartition_IsRefused()
    {
        var failures = new List<SettingProblem>();

        var endpoint = RolesAnywhereEndpoint.Resolve("us-iso-east-1", Partition.Find("aws-iso")!, false, true, null, failures);

        Assert.Null(endpoint);
        Assert.Contains("dual-stack", Assert.Single(failures).ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://vpce-123.rolesanywhere.eu-west-1.vpce.amazonaws.com", "https://vpce-123.rolesanywhere.eu-west-1.vpce.amazonaws.com/sessions", "vpce-123.rolesanywhere.eu-west-1.vpce.amazonaws.com")]
    [InlineData("https://proxy.example:8443/", "https://proxy.example:8443/sessions", "proxy.example:8443")]
    [InlineData("http://127.0.0.1:5080", "http://127.0.0.1:5080/sessions", "127.0.0.1:5080")]
    [InlineData("http://localhost:5080", "http://localhost:5080/sessions", "localhost:5080")]
    [InlineData("http://[::1]:5080", "http://[::1]:5080/sessions", "[::1]:5080")]
    public void Resolve_CustomEndpoint_ReplacesHostKeepsSigningRegion(string custom, string expected, string host)
    {
        var failures = new List<SettingProblem>();

        var endpoint = RolesAnywhereEndpoint.Resolve("eu-west-1", Partition.Find("aws")!, false, false, new Uri(custom), failures);

        Assert.Empty(failures);
        Assert.Equal(expected, endpoint!.SessionsUri.ToString());
        Assert.Equal(host, endpoint.Host);
        Assert.Equal("eu-west-1", endpoint.SigningRegion);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Resolve_CustomEndpointWithFipsOrDualStack_IsRefused(bool fips, bool dualStack)
    {
        var failures = new List<SettingProblem>();

        var endpoint = RolesAnywhereEndpoint.Resolve("eu-west-1", Partition.Find("aws")!, fips, dualStack, new Uri("https://example.com"), failures);

        Assert.Null(endpoint);
        Assert.Contains("cannot be combined", Assert.Single(failures).ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://example.com", "loopback")]
    [InlineData("http://10.0.0.5:8080", "loopback")]
    [InlineData("ftp://127.0.0.1", "scheme")]
    [InlineData("https://example.com/prefix", "no path")]
    [InlineData("https://example.com/?a=b", "no path")]
    [InlineData("https://user:pw@example.com", "no path")]
    public void Resolve_UnsafeOrMalformedCustomEndpoint_IsRefused(string custom, string expectedWords)
    {
        var failures = new List<SettingProblem>();

        var endpoint = RolesAnywhereEndpoint.Resolve("eu-west-1", Partition.Find("aws")!, false, false, new Uri(custom), failures);

        Assert.Null(endpoint);
        Assert.Contains(failures, f => f.ToString().StartsWith("Endpoint", StringComparison.Ordinal) && f.ToString().Contains(expectedWords, StringComparison.Ordinal));
    }

    [Fact]
    public void Resolve_RelativeCustomEndpoint_IsRefused()
    {
        var failures = new List<SettingProblem>();

        var endpoint = RolesAnywhereEndpoint.Resolve("eu-west-1", Partition.Find("aws")!, false, false, new Uri("rolesanywhere.local", UriKind.Relative), failures);

        Assert.Null(endpoint);
        Assert.Contains("absolute", Assert.Single(failures).ToString(), StringComparison.Ordinal);
    }
}
