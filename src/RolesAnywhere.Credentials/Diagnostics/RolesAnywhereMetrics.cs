using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace RolesAnywhere.Credentials.Diagnostics;

/// <summary>
/// The instruments of one <see cref="Meter"/> named <see cref="RolesAnywhereTelemetry.Name"/>: one shared
/// instance for credentials made with <c>new</c>, one per <see cref="IMeterFactory"/> under dependency injection.
/// </summary>
internal sealed class RolesAnywhereMetrics
{
    public const string SessionsName = "rolesanywhere.sessions";
    public const string FailuresName = "rolesanywhere.session.failures";
    public const string DurationName = "rolesanywhere.create_session.duration";
    public const string CertificateLifetimeName = "rolesanywhere.certificate.remaining_lifetime";
    public const string RenewalsName = "rolesanywhere.renewals";

    private readonly Counter<long> sessions;
    private readonly Counter<long> failures;
    private readonly Histogram<double> duration;
    private readonly Counter<long> renewals;

    // Weak: credentials that are dropped without Dispose stop being observed once collected.
    private readonly ConditionalWeakTable<CreateSessionTelemetry, object?> observed = new();

    public RolesAnywhereMetrics(Meter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        Meter = meter;
        sessions = meter.CreateCounter<long>(SessionsName, "{session}", "CreateSession attempts, by outcome.");
        failures = meter.CreateCounter<long>(FailuresName, "{session}", "Failed CreateSession attempts, by error type.");
        duration = meter.CreateHistogram<double>(DurationName, "s", "Duration of CreateSession attempts.");
        renewals = meter.CreateCounter<long>(RenewalsName, "{renewal}", "Certificate renewals that replaced or tried to replace the certificate, by outcome (renewed, renewed_elsewhere, failure).");
        meter.CreateObservableGauge(CertificateLifetimeName, ObserveCertificates, "s", "Time until the signing certificate expires.");
    }

    /// <summary>Gets the instruments on the process-wide meter, for credentials made without dependency injection.</summary>
    public static RolesAnywhereMetrics Shared { get; } = new(new Meter(RolesAnywhereTelemetry.Name, TelemetrySources.Version));

    public Meter Meter { get; }

    public static RolesAnywhereMetrics Create(IMeterFactory? meterFactory) =>
        meterFactory is null ? Shared : new RolesAnywhereMetrics(meterFactory.Create(RolesAnywhereTelemetry.Name, TelemetrySources.Version));

    public void Observe(CreateSessionTelemetry telemetry) => observed.AddOrUpdate(telemetry, null);

    public void Forget(CreateSessionTelemetry telemetry) => observed.Remove(telemetry);

    public void RecordAttempt(string region, string? errorType, TimeSpan elapsed)
    {
        var outcome = errorType is null ? TelemetryTags.Success : TelemetryTags.Failure;
        var regionTag = new KeyValuePair<string, object?>(TelemetryTags.Region, region);
        var outcomeTag = new KeyValuePair<string, object?>(TelemetryTags.Outcome, outcome);
        sessions.Add(1, regionTag, outcomeTag);
        duration.Record(elapsed.TotalSeconds, regionTag, outcomeTag);
        if (errorType is not null)
        {
            failures.Add(1, regionTag, new KeyValuePair<string, object?>(TelemetryTags.ErrorType, errorType));
        }
    }

    /// <summary>Counts a renewal run that did something: <see cref="TelemetryTags.Renewed"/>, <see cref="TelemetryTags.RenewedElsewhere"/>, or a failure at <paramref name="failedStage"/>.</summary>
    public void RecordRenewal(string outcome, string? failedStage = null)
    {
        var outcomeTag = new KeyValuePair<string, object?>(TelemetryTags.Outcome, outcome);
        if (failedStage is null)
        {
            renewals.Add(1, outcomeTag);
        }
        else
        {
            renewals.Add(1, outcomeTag, new KeyValuePair<string, object?>(TelemetryTags.RenewalStage, failedStage));
        }
    }

    private IEnumerable<Measurement<double>> ObserveCertificates()
    {
        List<Measurement<double>>? measurements = null;
        foreach (var entry in observed)
        {
            if (entry.Key.TryGetCertificateLifetime(out var remaining, out var serial))
            {
                (measurements ??= []).Add(new Measurement<double>(
                    remaining.TotalSeconds,
                    new KeyValuePair<string, object?>(TelemetryTags.CertificateSerial, serial)));
            }
        }

        return measurements ?? [];
    }
}
