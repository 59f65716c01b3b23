using RolesAnywhere.Credentials.Sessions;

namespace RolesAnywhere.Credentials.Tests.Sessions;

public sealed class ClockSkewTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Describe_NoServerDate_ReturnsNull() => Assert.Null(ClockSkew.Describe(Now, null));

    [Fact]
    public void Describe_WithinTolerance_ReturnsNull() => Assert.Null(ClockSkew.Describe(Now, Now.AddMinutes(5)));

    [Fact]
    public void Describe_Behind_SaysBehind()
    {
        var text = ClockSkew.Describe(Now, Now.AddMinutes(9));

        Assert.NotNull(text);
        Assert.Contains("9 minutes behind", text, StringComparison.Ordinal);
    }
}
