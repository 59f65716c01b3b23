using RolesAnywhere.Credentials.Audit.Rules;

namespace RolesAnywhere.Credentials.Audit.Tests.Rules;

/// <summary>Each rule against the incident fixture: the right events, severities and certificate details (Fixtures/Scenario/README.md).</summary>
public sealed class ScenarioRuleTests : IClassFixture<ScenarioFixture>
{
    private readonly ScenarioFixture _scenario;

    public ScenarioRuleTests(ScenarioFixture scenario) => _scenario = scenario;

    /// <summary>Rules added after the incident fixture, each tested against a trail of its own (Support/Trail.cs).</summary>
    private static readonly string[] OwnFixtureRules = ["unrecognized-source-address", "role-chaining", "external-ca-trust-anchor", "trust-anchor-persistence", "permissive-role-trust"];

    [Fact]
    public void Run_Incident_EveryRuleFires()
    {
        var fired = _scenario.Result.Findings.Select(f => f.Rule).ToHashSet();
        Assert.Equal(AuditRules.All.Select(r => r.Id).Except(OwnFixtureRules).Order(), fired.Order());
    }

    [Fact]
    public void UnexpectedSourceIp_RogueAndProbe_HighWhenIssuedMediumWhenRefused()
    {
        var findings = _scenario.Of("unexpected-source-ip");
        Assert.Collection(
            findings,
            rogue =>
            {
                Assert.Equal(("e-1000-rogue", "198.51.100.7", Severity.High), (rogue.EventId, rogue.SourceIpAddress, rogue.Severity));
                Assert.Equal(("dead01", "CN=rogue"), (rogue.SerialNumber, rogue.Subject));
            },
            probe =>
            {
                Assert.Equal(("e-12-probe-0", "192.0.2.66", Severity.Medium), (probe.EventId, probe.SourceIpAddress, probe.Severity));
                Assert.Equal(5, probe.RelatedEventIds.Count);
                Assert.Contains("all were refused", probe.Message, StringComparison.Ordinal);
            });
    }

    [Fact]
    public void UnknownCertificate_SerialLinkedThroughServiceAssumeRole_ReportedOnceWithSubject()
    {
        var finding = Assert.Single(_scenario.Of("unknown-certificate"));
        Assert.Equal(("dead01", "CN=rogue", "e-1000-rogue", Severity.High), (finding.SerialNumber, finding.Subject, finding.EventId, finding.Severity));
        Assert.Equal(["e-1000-rogue"], finding.RelatedEventIds);
    }

    [Fact]
    public void RevokedCertificateUsed_SessionAfterRevocation_High()
    {
        var finding = Assert.Single(_scenario.Of("revoked-certificate-used"));
        Assert.Equal(("bad", "e-1100-revoked", Severity.High), (finding.SerialNumber, finding.EventId, finding.Severity));
        Assert.Contains("revoked 2026-11-19 00:00:00Z in corp.crl", finding.Message, StringComparison.Ordinal);
        Assert.Contains("import-crl", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FailedSessionsBurst_FiveRefusalsInThreeMinutes_OneFinding()
    {
        var finding = Assert.Single(_scenario.Of("failed-sessions-burst"));
        Assert.Equal(("192.0.2.66", "e-12-probe-0", Severity.Medium), (finding.SourceIpAddress, finding.EventId, finding.Severity));
        Assert.Equal(["e-12-probe-0", "e-12-probe-1", "e-12-probe-2", "e-12-probe-3", "e-12-probe-4"], finding.RelatedEventIds);
        Assert.Contains("AccessDeniedException", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    // The probes are 40 s apart (12:00:00 … 12:02:40): three of them span 80 s.
    [InlineData(3, 1, 0)]
    [InlineData(3, 2, 4)]
    [InlineData(5, 3, 5)]
    [InlineData(6, 10, 0)]
    public async Task FailedSessionsBurst_OtherThresholds_FireOnlyWhenNRefusalsFitInMMinutes(int count, int minutes, int expectedEvents)
    {
        var scenario = Support.Scenario.Options([Support.Scenario.IncidentPath]);
        var result = await Support.Scenario.RunAsync(new AuditOptions { Inputs = scenario.Inputs, FailureBurst = new RolesAnywhere.Credentials.Audit.Settings.FailureBurst(count, TimeSpan.FromMinutes(minutes)) });

        var bursts = result.Findings.Where(f => f.Rule == "failed-sessions-burst").ToList();
        if (expectedEvents == 0)
        {
            Assert.Empty(bursts);
        }
        else
        {
            var burst = Assert.Single(bursts);
            Assert.Equal(expectedEvents, burst.RelatedEventIds.Count);
            Assert.Contains($"(threshold {count}/{minutes})", burst.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void OutsideBusinessHours_TwoAmUtcIsThreeAmInBerlin()
    {
        var finding = Assert.Single(_scenario.Of("outside-business-hours"));
        Assert.Equal(("e-0200-web01", "1a2b3c", Severity.Low), (finding.EventId, finding.SerialNumber, finding.Severity));
        Assert.Contains("2026-11-20 03:00 +01:00", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NewSourceForCertificate_DownstreamCallFromSecondAddress_LinkedToSerial()
    {
        var finding = Assert.Single(_scenario.Of("new-source-for-certificate"));
        Assert.Equal(("ListBuckets", "e-0930-listbuckets", "198.51.100.7"), (finding.EventName, finding.EventId, finding.SourceIpAddress));
        Assert.Equal(Severity.High, finding.Severity); // the session's credentials, outside --allowed-cidrs
        Assert.Equal(("1a2b3c", "CN=web-01", "arn:aws:iam::111122223333:role/app"), (finding.SerialNumber, finding.Subject, finding.RoleArn));
        Assert.Equal(["e-0200-web01"], finding.RelatedEventIds);
    }

    [Fact]
    public void ControlPlaneRules_EachChangeReportedWithSeverityByImpact()
    {
        Assert.Equal([("UpdateTrustAnchor", Severity.High)], _scenario.Of("trust-anchor-changed").Select(f => (f.EventName, f.Severity)));
        Assert.Equal([("DisableCrl", Severity.High), ("ImportCrl", Severity.Low)], _scenario.Of("crl-changed").Select(f => (f.EventName, f.Severity)));
        Assert.Equal([("UpdateProfile", Severity.High), ("PutAttributeMapping", Severity.High)], _scenario.Of("profile-changed").Select(f => (f.EventName, f.Severity)));
        var denied = _scenario.Of("crl-changed")[1];
        Assert.Contains("was refused (AccessDenied)", denied.Message, StringComparison.Ordinal);
        Assert.Contains("sessionPolicy", _scenario.Of("profile-changed")[0].Message, StringComparison.Ordinal);
        Assert.Contains("arn:aws:sts::111122223333:assumed-role/Admin/test-session", _scenario.Of("trust-anchor-changed")[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_CountsRecordsSessionsLinksAndMalformed()
    {
        var summary = _scenario.Result.Summary;
        Assert.Equal((1, 23L, 3L), (summary.Documents, summary.Records, summary.Malformed));
        Assert.Equal((4, 5L, 3, 2L), (summary.SessionsIssued, summary.SessionsRefused, summary.Certificates, summary.LinkedCalls));
        Assert.Contains(summary.Problems, p => p.Contains("eventTime 'yesterday' is not an ISO 8601 time", StringComparison.Ordinal));
        Assert.Contains(summary.Problems, p => p.Contains("no eventName", StringComparison.Ordinal));
        Assert.Contains(summary.Problems, p => p.Contains("not a JSON object", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_DocumentedUpdateProfileRecord_ProfileChangedHigh()
    {
        var result = await Support.Scenario.RunAsync(new AuditOptions { Inputs = [Support.AuditWorkspace.Fixture("Documented/update-profile.json")] });
        var finding = Assert.Single(result.Findings);
        Assert.Equal(("profile-changed", Severity.High, "1.1.1.1"), (finding.Rule, finding.Severity, finding.SourceIpAddress));
        Assert.Contains("arn:aws:rolesanywhere:us-east-1:111122223333:profile/0ace5b12-24b9-427e-a483-c55884852fbf", finding.Message, StringComparison.Ordinal);
        Assert.Contains("managedPolicyArns", finding.Message, StringComparison.Ordinal);
    }
}
