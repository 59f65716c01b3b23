using RolesAnywhere.Credentials.Audit.Settings;

namespace RolesAnywhere.Credentials.Audit.Tests.Support;

/// <summary>The incident fixture (Fixtures/Scenario/README.md) and the settings its table assumes.</summary>
internal static class Scenario
{
    public static string IncidentPath => AuditWorkspace.Fixture("Scenario/incident.json");

    public static DateTimeOffset RevokedAt { get; } = new(2026, 11, 19, 0, 0, 0, TimeSpan.Zero);

    public static AuditOptions Options(IReadOnlyList<string> inputs)
    {
        var revocations = new RevocationList();
        revocations.Add(TestCrl.Der(("0bad", RevokedAt)), "corp.crl");
        return new AuditOptions
        {
            Inputs = inputs,
            AllowedNetworks = AllowedNetworks.Parse("203.0.113.0/24"),
            KnownSerials = KnownSerials.Parse("serial=1A2B3C\n0x0bad\n", "known.txt"),
            Revocations = revocations,
            BusinessHours = BusinessHours.Parse("08:00-18:00", "Europe/Berlin"),
        };
    }

    public static Task<AuditResult> RunAsync(AuditOptions options, Stream? standardInput = null) =>
        AuditRunner.RunAsync(options, standardInput ?? Stream.Null, progress: null, TestContext.Current.CancellationToken);
}
