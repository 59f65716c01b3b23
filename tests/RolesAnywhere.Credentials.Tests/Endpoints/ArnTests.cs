using RolesAnywhere.Credentials.Endpoints;

namespace RolesAnywhere.Credentials.Tests.Endpoints;

public sealed class ArnTests
{
    [Fact]
    public void TryParse_TrustAnchorArn_SplitsEveryPart()
    {
        var arn = Arn.TryParse("arn:aws-cn:rolesanywhere:cn-north-1:111122223333:trust-anchor/a1b2c3");

        Assert.NotNull(arn);
        Assert.Equal("aws-cn", arn.Partition);
        Assert.Equal("rolesanywhere", arn.Service);
        Assert.Equal("cn-north-1", arn.Region);
        Assert.Equal("111122223333", arn.AccountId);
        Assert.Equal("trust-anchor/a1b2c3", arn.Resource);
        Assert.Equal("trust-anchor", arn.ResourceType);
    }

    [Fact]
    public void TryParse_RoleWithPathAndColons_KeepsResourceWhole()
    {
        var arn = Arn.TryParse("arn:aws:iam::111122223333:role/team/app:x");

        Assert.NotNull(arn);
        Assert.Equal(string.Empty, arn.Region);
        Assert.Equal("role/team/app:x", arn.Resource);
        Assert.Equal("role", arn.ResourceType);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not-an-arn")]
    [InlineData("arn:aws:rolesanywhere:us-east-1:111122223333")]
    [InlineData("urn:aws:rolesanywhere:us-east-1:111122223333:profile/x")]
    [InlineData("arn::rolesanywhere:us-east-1:111122223333:profile/x")]
    public void TryParse_NotAnArn_ReturnsNull(string? value) => Assert.Null(Arn.TryParse(value));
}
