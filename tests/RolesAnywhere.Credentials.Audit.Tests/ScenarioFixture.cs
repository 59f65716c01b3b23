using RolesAnywhere.Credentials.Audit.Rules;
using RolesAnywhere.Credentials.Audit.Tests.Support;

namespace RolesAnywhere.Credentials.Audit.Tests;

/// <summary>Runs the incident fixture once with the scenario's settings.</summary>
public sealed class ScenarioFixture : IAsyncLifetime
{
    internal AuditResult Result { get; private set; } = null!;

    internal IReadOnlyList<Finding> Of(string rule) => Result.Findings.Where(f => f.Rule == rule).ToList();

    public async ValueTask InitializeAsync() =>
        Result = await AuditRunner.RunAsync(Scenario.Options([Scenario.IncidentPath]), Stream.Null, null, CancellationToken.None);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
