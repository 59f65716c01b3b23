using RolesAnywhere.Credentials.Audit.Settings;
using RolesAnywhere.Credentials.Audit.Tests.Support;

namespace RolesAnywhere.Credentials.Audit.Tests.Rules;

public sealed class UnknownCertificateTests
{
    [Theory]
    [InlineData("1234")]
    [InlineData("0x1234")]
    [InlineData("serial=1234")]
    [InlineData("12:34")]
    [InlineData("decimal:4660")]
    public async Task Run_DigitsOnlySerialInTheFleetFile_NoUnknownCertificateFinding(string line)
    {
        using var workspace = new AuditWorkspace();
        var trail = workspace.Write("trail.json", new Trail().Session("web", TimeSpan.Zero, "203.0.113.10", "1234").ToString());

        var result = await Scenario.RunAsync(new AuditOptions { Inputs = [trail], KnownSerials = KnownSerials.Parse(line + "\n", "fleet.txt") });

        Assert.DoesNotContain(result.Findings, f => f.Rule == "unknown-certificate");
        Assert.Equal(1, result.Summary.SessionsIssued);
    }

    [Fact]
    public async Task Run_SerialPrintedByAFinding_SilencesItWhenAddedToTheFleetFile()
    {
        using var workspace = new AuditWorkspace();
        var trail = workspace.Write("trail.json", new Trail().Session("web", TimeSpan.Zero, "203.0.113.10", "00c0ffee").ToString());
        var first = await Scenario.RunAsync(new AuditOptions { Inputs = [trail], KnownSerials = KnownSerials.Parse("1\n", "fleet.txt") });
        var printed = Assert.Single(first.Findings, f => f.Rule == "unknown-certificate").SerialNumber;

        var second = await Scenario.RunAsync(new AuditOptions { Inputs = [trail], KnownSerials = KnownSerials.Parse(printed + "\n", "fleet.txt") });

        Assert.Equal("c0ffee", printed);
        Assert.DoesNotContain(second.Findings, f => f.Rule == "unknown-certificate");
    }
}
