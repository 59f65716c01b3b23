using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace RolesAnywhere.Credentials.Diagnostics;

/// <summary>
/// The telemetry seam of one credentials object: the CreateSession client calls <see cref="StartAttempt"/>
/// for every attempt, and the attempt logs, traces, counts and updates the state the health check reads.
/// </summary>
internal sealed class CreateSessionTelemetry : ICredentialState
{
    private readonly object gate = new();
    private CredentialStateSnapshot snapshot = CredentialStateSnapshot.Empty;

    public CreateSessionTelemetry(ILogger? logger = null, RolesAnywhereMetrics? metrics = null, TimeProvider? timeProvider = null)
    {
        Logger = logger ?? NullLogger.Instance;
        Metrics = metrics ?? RolesAnywhereMetrics.Shared;
        TimeProvider = timeProvider ?? TimeProvider.System;
        Metrics.Observe(this);
    }

    public ILogger Logger { get; }

    public RolesAnywhereMetrics Metrics { get; }

    public TimeProvider TimeProvider { get; }

    public CredentialStateSnapshot Snapshot => Volatile.Read(ref snapshot);

    /// <summary>Starts one CreateSession attempt; end it with <see cref="CreateSessionAttempt.Succeeded"/> or <see cref="CreateSessionAttempt.Failed"/>.</summary>
    /// <param name="certificate">The leaf certificate that signs the request.</param>
    /// <param name="region">The signing region.</param>
    /// <param name="endpoint">The endpoint called.</param>
    /// <param name="attempt">1 for the first attempt of a refresh, 2 for its first retry, and so on.</param>
    public CreateSessionAttempt StartAttempt(X509Certificate2 certificate, string region, Uri endpoint, int attempt = 1)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(endpoint);
        var description = CertificateDescription.From(certificate);
        lock (gate)
        {
            snapshot = snapshot with { Certificate = description };
        }

        var activity = TelemetrySources.ActivitySource.StartActivity("RolesAnywhere CreateSession", ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(TelemetryTags.Region, region);
            activity.SetTag(TelemetryTags.ServerAddress, endpoint.Host);
            activity.SetTag(TelemetryTags.ServerPort, endpoint.Port);
            activity.SetTag(TelemetryTags.CertificateSerial, description.SerialNumber);
            activity.SetTag(TelemetryTags.CertificateNotAfter, description.NotAfter.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            activity.SetTag(TelemetryTags.Attempt, attempt);
        }

        return new CreateSessionAttempt(this, activity, description, region, TimeProvider.GetTimestamp());
    }

    public bool TryGetCertificateLifetime(out TimeSpan remaining, out string serialNumber)
    {
        var certificate = Snapshot.Certificate;
        if (certificate is null)
        {
            remaining = default;
            serialNumber = string.Empty;
            return false;
        }

        remaining = certificate.NotAfter - TimeProvider.GetUtcNow();
        serialNumber = certificate.SerialNumber;
        return true;
    }

    internal void Complete(CreateSessionAttempt attempt, string? requestId, DateTimeOffset? expiration, Exception? exception)
    {
        var elapsed = TimeProvider.GetElapsedTime(attempt.StartTimestamp);
        var now = TimeProvider.GetUtcNow();
        var certificate = attempt.Certificate;
        var days = certificate.DaysToExpiry(now);
        var durationMs = (long)elapsed.TotalMilliseconds;
        string? errorType = null;
        if (exception is null)
        {
            lock (gate)
            {
                snapshot = snapshot with { CredentialsExpiration = expiration, LastSuccess = now };
            }

            Log.CreateSessionSucceeded(Logger, attempt.Region, certificate.Subject, certificate.SerialNumber, days, durationMs, requestId, expiration ?? default);
        }
        else
        {
            errorType = ErrorClassifier.Classify(exception);
            lock (gate)
            {
                snapshot = snapshot with { LastFailure = now, LastErrorType = errorType, LastErrorMessage = exception.Message };
            }

            Log.CreateSessionFailed(Logger, attempt.Region, certificate.Subject, certificate.SerialNumber, days, durationMs, requestId, errorType, exception);
        }

        Metrics.RecordAttempt(attempt.Region, errorType, elapsed);
    }
}
