using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using RolesAnywhere.Credentials.Diagnostics;

namespace RolesAnywhere.Credentials.Tests.Hosting;

/// <summary>
/// Real listeners for one test: an <see cref="ActivityListener"/> keeping the library's spans under this test's
/// root activity, a <see cref="MeterListener"/> on a meter of the test's own, and a capturing logger.
/// </summary>
internal sealed class TelemetryCapture : IDisposable
{
    private readonly Activity root;
    private readonly ActivityListener activityListener;
    private readonly MeterListener meterListener;
    private readonly Meter meter = new(RolesAnywhereTelemetry.Name);

    public TelemetryCapture()
    {
        root = new Activity("test-root").Start();
        var traceId = root.TraceId;
        activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == RolesAnywhereTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == traceId)
                {
                    Activities.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(activityListener);

        Metrics = new RolesAnywhereMetrics(meter);
        meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter, meter))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        meterListener.Start();
    }

    public ConcurrentQueue<Activity> Activities { get; } = new();

    public ConcurrentQueue<Measurement> Measurements { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    public RolesAnywhereMetrics Metrics { get; }

    public CreateSessionTelemetry Telemetry(string region, TimeProvider timeProvider) =>
        new(region, Logs.CreateLogger(RolesAnywhereTelemetry.Name), Metrics, timeProvider);

    public IReadOnlyList<Measurement> Of(string instrument) => Measurements.Where(m => m.Instrument == instrument).ToList();

    public IReadOnlyList<Measurement> ObserveGauges()
    {
        meterListener.RecordObservableInstruments();
        return Of(RolesAnywhereMetrics.CertificateLifetimeName);
    }

    /// <summary>Every tag value, status text and log text, to search for secrets.</summary>
    public string AllText() =>
        Logs.AllText() + "\n"
        + string.Join("\n", Activities.Select(a => $"{a.DisplayName} {a.StatusDescription} {string.Join(" ", a.TagObjects.Select(t => $"{t.Key}={t.Value}"))}")) + "\n"
        + string.Join("\n", Measurements.Select(m => $"{m.Instrument} {string.Join(" ", m.Tags.Select(t => $"{t.Key}={t.Value}"))}"));

    public void Dispose()
    {
        meterListener.Dispose();
        activityListener.Dispose();
        meter.Dispose();
        root.Stop();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        Measurements.Enqueue(new Measurement(instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));

    internal sealed record Measurement(string Instrument, double Value, Dictionary<string, object?> Tags)
    {
        public object? Tag(string key) => Tags.GetValueOrDefault(key);
    }
}
