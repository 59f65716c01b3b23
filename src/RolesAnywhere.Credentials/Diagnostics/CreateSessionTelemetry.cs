using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RolesAnywhere.Credentials.Sessions;

namespace RolesAnywhere.Credentials.Diagnostics;

/// <summary>
/// The observer of one credentials object: a span, a log entry and measurements per CreateSession attempt,
/// and the state (last refresh outcome, current expiry, certificate lifetime) that the health check reads.
/// Never throws and never blocks, as <see cref="ICreateSessionObserver"/> requires.
/// </summary>
internal sealed class CreateSessionTelemetry : ICreateSessionObserver, ICredentialState
{
    private readonly object gate = new();
    private readonly ConditionalWeakTable<CreateSessionAttemptInfo, Activity> activities = new();
    private CredentialStateSnapshot snapshot = CredentialStateSnapshot.Empty;

    public CreateSessionTelemetry(string region, ILogger? logger = null, RolesAnywhereMetrics? metrics = null, TimeProvider? timeProvider = null)
    {
        Region = region;
        Logger = logger ?? NullLogger.Instance;
        Metrics = metrics ?? RolesAnywhereMetrics.Shared;
        TimeProvider = timeProvider ?? TimeProvider.System;
        Metrics.Observe(this);
    }

    /// <summary>
    /// The telemetry for credentials made from <paramref name="options"/>, tagged with the region its ARNs
    /// name (<c>unknown</c> while they are invalid: the constructor then reports them).
    /// </summary>
    public static CreateSessionTelemetry For(RolesAnywhereOptions options, ILogger? logger, RolesAnywhereMetrics? metrics, TimeProvider timeProvider) =>
        new(
            Endpoints.ResourceArns.Parse(options.TrustAnchorArn, options.ProfileArn, options.RoleArn, options.Region, new List<Configuration.SettingProblem>())?.Region ?? "unknown",
            logger,
            metrics,
            timeProvider);

    public string Region { get; }

    public ILogger Logger { get; }

    public RolesAnywhereMetrics Metrics { get; }

    public TimeProvider TimeProvider { get; }

    public CredentialStateSnapshot Snapshot => Volatile.Read(ref snapshot);

    public void AttemptStarted(CreateSessionAttemptInfo attempt)
    {
        var certificate = CertificateDescription.From(attempt.Certificate);
        Update(s => s with { Certificate = certificate });
        var activity = TelemetrySources.ActivitySource.StartActivity("RolesAnywhere CreateSession", ActivityKind.Client);
        if (activity is null)
        {
            return;
        }

        if (activity.IsAllDataRequested)
        {
            activity.SetTag(TelemetryTags.Region, Region);
            activity.SetTag(TelemetryTags.ServerAddress, attempt.Endpoint.Host);
            activity.SetTag(TelemetryTags.ServerPort, attempt.Endpoint.Port);
            activity.SetTag(TelemetryTags.CertificateSerial, certificate.SerialNumber);
            activity.SetTag(TelemetryTags.CertificateNotAfter, certificate.NotAfter.ToString("O", CultureInfo.InvariantCulture));
            activity.SetTag(TelemetryTags.Attempt, attempt.Number);
        }

        activities.AddOrUpdate(attempt, activity);
    }

    public void AttemptEnded(CreateSessionAttemptInfo attempt, TimeSpan duration, HttpStatusCode? status, string? requestId, SessionCredentials? credentials, RolesAnywhereException? error)
    {
        var certificate = CertificateDescription.From(attempt.Certificate);
        var days = certificate.DaysToExpiry(TimeProvider.GetUtcNow());
        var errorType = error is null ? null : ErrorClassifier.Classify(error);
        if (activities.TryGetValue(attempt, out var activity))
        {
            activities.Remove(attempt);
            activity.SetTag(TelemetryTags.RequestId, requestId);
            activity.SetTag(TelemetryTags.HttpStatus, status is null ? null : (int)status);
            activity.SetTag(TelemetryTags.Outcome, error is null ? TelemetryTags.Success : TelemetryTags.Failure);
            if (error is null)
            {
                activity.SetStatus(ActivityStatusCode.Ok);
            }
            else
            {
                activity.SetTag(TelemetryTags.ErrorType, errorType);
                activity.SetStatus(ActivityStatusCode.Error, error.Message);
            }

            activity.Dispose();
        }

        var durationMs = (long)duration.TotalMilliseconds;
        if (error is null)
        {
            Log.CreateSessionSucceeded(Logger, Region, certificate.Subject, certificate.SerialNumber, days, durationMs, requestId);
        }
        else
        {
            Log.CreateSessionFailed(Logger, Region, certificate.Subject, certificate.SerialNumber, days, durationMs, requestId, errorType!, error);
        }

        Metrics.RecordAttempt(Region, errorType, duration);
    }

    public void ExpirationCapped(DateTimeOffset serviceExpiration, DateTimeOffset capped, TimeSpan duration) =>
        Log.ExpirationCapped(Logger, serviceExpiration, duration.TotalSeconds, capped);

    public void RefreshSucceeded(SessionCredentials credentials)
    {
        Update(s => s with { CredentialsExpiration = credentials.Expiration, LastSuccess = TimeProvider.GetUtcNow() });
        Log.CredentialsRefreshed(Logger, credentials.Expiration);
    }

    public void RefreshFailed(Exception error, bool servingLastGood)
    {
        var now = TimeProvider.GetUtcNow();
        Update(s => s with { LastFailure = now, LastErrorType = ErrorClassifier.Classify(error), LastErrorMessage = error.Message });
        if (servingLastGood && Snapshot.CredentialsExpiration is { } expiration)
        {
            Log.RefreshFailedServingLastGood(Logger, expiration, error);
        }
        else
        {
            Log.RefreshFailed(Logger, error);
        }
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

    private void Update(Func<CredentialStateSnapshot, CredentialStateSnapshot> change)
    {
        lock (gate)
        {
            Volatile.Write(ref snapshot, change(snapshot));
        }
    }
}
