using System.Text.Json;
using RolesAnywhere.Credentials.Sessions;

namespace RolesAnywhere.Credentials.Tests.Sessions;

public sealed class SessionSettingsTests
{
    private static RolesAnywhereOptions Valid() => new()
    {
        TrustAnchorArn = "arn:aws:rolesanywhere:eu-west-1:111122223333:trust-anchor/ta1",
        ProfileArn = "arn:aws:rolesanywhere:eu-west-1:111122223333:profile/p1",
        RoleArn = "arn:aws:iam::111122223333:role/app",
    };

    [Fact]
    public void FromOptions_Defaults_ResolveEndpointAndBuildBody()
    {
        var settings = SessionSettings.FromOptions(Valid());

        Assert.Equal("https://rolesanywhere.eu-west-1.amazonaws.com/sessions", settings.Endpoint.SessionsUri.ToString());
        Assert.Equal(3600, settings.DurationSeconds);
        using var body = JsonDocument.Parse(settings.RequestBody);
        Assert.Equal(3600, body.RootElement.GetProperty("durationSeconds").GetInt32());
        Assert.Equal(Valid().ProfileArn, body.RootElement.GetProperty("profileArn").GetString());
        Assert.Equal(Valid().RoleArn, body.RootElement.GetProperty("roleArn").GetString());
        Assert.Equal(Valid().TrustAnchorArn, body.RootElement.GetProperty("trustAnchorArn").GetString());
        Assert.False(body.RootElement.TryGetProperty("roleSessionName", out _));
    }

    [Fact]
    public void FromOptions_SessionNameAndFips_AppearInBodyAndHost()
    {
        var options = Valid();
        options.RoleSessionName = "build-42@ci";
        options.UseFipsEndpoint = true;
        options.SessionDuration = TimeSpan.FromMinutes(15);

        var settings = SessionSettings.FromOptions(options);

        Assert.Equal("rolesanywhere-fips.eu-west-1.amazonaws.com", settings.Endpoint.Host);
        Assert.Equal("eu-west-1", settings.Endpoint.SigningRegion);
        using var body = JsonDocument.Parse(settings.RequestBody);
        Assert.Equal("build-42@ci", body.RootElement.GetProperty("roleSessionName").GetString());
        Assert.Equal(900, body.RootElement.GetProperty("durationSeconds").GetInt32());
    }

    [Fact]
    public void FromOptions_ManyProblems_ReportsThemAllInOneException()
    {
        var options = Valid();
        options.ProfileArn = null;
        options.SessionDuration = TimeSpan.FromHours(13);
        options.RoleSessionName = "a";
        options.MaxRetries = -1;
        options.HttpTimeout = TimeSpan.Zero;

        var ex = Assert.Throws<RolesAnywhereConfigurationException>(() => SessionSettings.FromOptions(options));

        Assert.Contains("5 problems", ex.Message, StringComparison.Ordinal);
        foreach (var setting in new[] { "ProfileArn", "SessionDuration", "RoleSessionName", "MaxRetries", "HttpTimeout" })
        {
            Assert.Contains(setting, ex.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("with space")]
    [InlineData("slash/name")]
    [InlineData("x")]
    public void FromOptions_InvalidSessionName_IsRefused(string name)
    {
        var options = Valid();
        options.RoleSessionName = name;

        var ex = Assert.Throws<RolesAnywhereConfigurationException>(() => SessionSettings.FromOptions(options));

        Assert.Contains("RoleSessionName", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromOptions_SessionNameOf64Characters_IsAccepted()
    {
        var options = Valid();
        options.RoleSessionName = new string('a', 64);

        Assert.Equal(options.RoleSessionName, SessionSettings.FromOptions(options).RoleSessionName);
    }
}
