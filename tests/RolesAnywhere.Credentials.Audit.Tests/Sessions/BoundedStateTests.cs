using RolesAnywhere.Credentials.Audit.Sessions;
using RolesAnywhere.Credentials.Audit.Settings;
using RolesAnywhere.Credentials.Audit.Tests.Support;

namespace RolesAnywhere.Credentials.Audit.Tests.Sessions;

/// <summary>Refused CreateSession calls, which anyone can make, cannot grow what the audit holds without bound.</summary>
public sealed class BoundedStateTests
{
    [Fact]
    public void Admit_PerAddressCap_KeepsTheFirstAndCountsTheRest()
    {
        var refused = new RefusedCalls();

        var kept = Enumerable.Range(0, 1000).Count(_ => refused.Admit("198.51.100.7"));

        Assert.Equal(RefusedCalls.MaxKeptPerSource, kept);
        Assert.Equal((1000L, RefusedCalls.MaxKeptPerSource), (refused.Total, refused.Kept));
        Assert.Equal(1000 - RefusedCalls.MaxKeptPerSource, refused.BySource["198.51.100.7"].NotKept);
    }

    [Fact]
    public void Admit_ManyAddresses_OverallAndAddressCapsHold()
    {
        var refused = new RefusedCalls();
        const int Addresses = RefusedCalls.MaxSources + 5000;

        for (var i = 0; i < Addresses; i++)
        {
            refused.Admit($"10.{i >> 16}.{(i >> 8) & 255}.{i & 255}");
        }

        Assert.Equal(RefusedCalls.MaxKept, refused.Kept);
        Assert.Equal(RefusedCalls.MaxSources, refused.BySource.Count);
        Assert.Equal(5000, refused.FromUntrackedSources);
        Assert.Equal(Addresses, refused.Total);
    }

    [Fact]
    public async Task Run_ManyRefusedCallsFromOneAddress_BurstFoundAndTheBoundReported()
    {
        using var workspace = new AuditWorkspace();
        var trail = new Trail();
        for (var i = 0; i < 100; i++)
        {
            trail.Session($"probe-{i}", TimeSpan.FromSeconds(i), "192.0.2.66", "1a2b3c", error: "AccessDeniedException");
        }

        var path = workspace.Write("probe.json", trail.ToString());
        var result = await Scenario.RunAsync(new AuditOptions { Inputs = [path], AllowedNetworks = AllowedNetworks.Parse("203.0.113.0/24") });

        Assert.Equal((100L, 100L - RefusedCalls.MaxKeptPerSource), (result.Summary.SessionsRefused, result.Summary.RefusedNotKept));
        var burst = Assert.Single(result.Findings, f => f.Rule == "failed-sessions-burst");
        Assert.Contains($"{100 - RefusedCalls.MaxKeptPerSource} more refused call(s)", burst.Message, StringComparison.Ordinal);
        var outside = Assert.Single(result.Findings, f => f.Rule == "unexpected-source-ip");
        Assert.Contains("counted but not examined", outside.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FailureBurst_LargerThanWhatIsKept_Refused()
    {
        var error = Assert.Throws<AuditInputException>(() => FailureBurst.Parse($"{RefusedCalls.MaxKeptPerSource + 1}/10"));
        Assert.Contains($"N from 2 to {RefusedCalls.MaxKeptPerSource}", error.Message, StringComparison.Ordinal);
    }
}
