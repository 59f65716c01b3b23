using System.Text.Json.Nodes;
using RolesAnywhere.Credentials.Audit.Rules;
using RolesAnywhere.Credentials.Audit.Settings;
using RolesAnywhere.Credentials.Audit.Tests.Support;

namespace RolesAnywhere.Credentials.Audit.Tests.Rules;

/// <summary>
/// What docs/runbooks.md ("Certificate compromise", step 4) says the audit shows before and after the CRL is imported. A
/// refused CreateSession carries no role session, so after the import the attacker's attempts no longer name the serial:
/// they show as refusals from the address, not as uses of the revoked certificate. Record shapes as in
/// Fixtures/Scenario/README.md; the refusal's message is the service's "Untrusted signing certificate"
/// (https://docs.aws.amazon.com/rolesanywhere/latest/userguide/trust-model.html, revocation).
/// </summary>
public sealed class RevocationRunbookTests : IDisposable
{
    private const string Attacker = "198.51.100.7";
    private static readonly DateTimeOffset RevokedAt = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ImportedAt = new(2026, 11, 20, 10, 30, 0, TimeSpan.Zero);
    private readonly AuditWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Run_BeforeTheImport_RevokedCertificateUsedHigh()
    {
        var result = await RunAsync(since: null);

        var revoked = Assert.Single(result.Findings, f => f.Rule == "revoked-certificate-used");
        Assert.Equal((Severity.High, "bad", "e-use"), (revoked.Severity, revoked.SerialNumber, revoked.EventId));
        Assert.Equal(Severity.Low, Assert.Single(result.Findings, f => f.Rule == "crl-changed").Severity);
        Assert.True(result.HasFindingsAtOrAbove(Severity.High));
    }

    [Fact]
    public async Task Run_SinceTheImport_NoRevokedUseRefusalsAsBurstNothingHigh()
    {
        var result = await RunAsync(since: ImportedAt);

        Assert.DoesNotContain(result.Findings, f => f.Rule == "revoked-certificate-used");
        Assert.Equal(["crl-changed", "failed-sessions-burst"], result.Findings.Select(f => f.Rule));
        var burst = result.Findings[1];
        Assert.Equal((Severity.Medium, Attacker, null), (burst.Severity, burst.SourceIpAddress, burst.SerialNumber));
        Assert.Contains("Untrusted signing certificate", burst.Message, StringComparison.Ordinal);
        Assert.False(result.HasFindingsAtOrAbove(Severity.High));
    }

    private async Task<AuditResult> RunAsync(DateTimeOffset? since)
    {
        var records = new JsonArray
        {
            CreateSession("e-use", RevokedAt.AddHours(1), error: null),
            new JsonObject
            {
                ["eventTime"] = Time(ImportedAt), ["eventSource"] = "rolesanywhere.amazonaws.com", ["eventName"] = "ImportCrl", ["eventID"] = "e-import",
                ["sourceIPAddress"] = "203.0.113.200", ["userIdentity"] = new JsonObject { ["type"] = "IAMUser", ["arn"] = "arn:aws:iam::111122223333:user/secops" },
                ["requestParameters"] = new JsonObject { ["name"] = "corp", ["enabled"] = true, ["trustAnchorArn"] = "arn:aws:rolesanywhere:eu-west-1:111122223333:trust-anchor/ta1" },
            },
        };
        for (var i = 0; i < 5; i++)
        {
            records.Add(CreateSession($"e-refused-{i}", ImportedAt.AddMinutes(15 + i), error: "AccessDeniedException"));
        }

        var path = _workspace.Write("trail.json", new JsonObject { ["Records"] = records }.ToJsonString());
        var revocations = new RevocationList();
        revocations.Add(TestCrl.Der(("0bad", RevokedAt)), "corp.crl");
        return await Scenario.RunAsync(new AuditOptions { Inputs = [path], Revocations = revocations, Since = since });
    }

    private static JsonObject CreateSession(string id, DateTimeOffset time, string? error)
    {
        var record = new JsonObject
        {
            ["eventTime"] = Time(time), ["eventSource"] = "rolesanywhere.amazonaws.com", ["eventName"] = "CreateSession", ["eventID"] = id,
            ["sourceIPAddress"] = Attacker, ["userIdentity"] = new JsonObject { ["type"] = "Unknown" },
            ["requestParameters"] = new JsonObject { ["roleArn"] = "arn:aws:iam::111122223333:role/app", ["trustAnchorArn"] = "arn:aws:rolesanywhere:eu-west-1:111122223333:trust-anchor/ta1" },
        };
        if (error is null)
        {
            record["responseElements"] = new JsonObject
            {
                ["credentialSet"] = new JsonArray(new JsonObject { ["assumedRoleUser"] = new JsonObject { ["arn"] = "arn:aws:sts::111122223333:assumed-role/app/0bad" }, ["sourceIdentity"] = "CN=old-batch" }),
            };
        }
        else
        {
            record["errorCode"] = error;
            record["errorMessage"] = "Untrusted signing certificate";
        }

        return record;
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
