using System.Diagnostics;

namespace RolesAnywhere.Credentials.Diagnostics;

/// <summary>
/// One CreateSession attempt in flight. End it exactly once with <see cref="Succeeded"/> or
/// <see cref="Failed"/>; <see cref="Dispose"/> closes a span that was never ended (for example on cancellation).
/// </summary>
internal sealed class CreateSessionAttempt : IDisposable
{
    private readonly CreateSessionTelemetry owner;
    private readonly Activity? activity;
    private int completed;

    internal CreateSessionAttempt(CreateSessionTelemetry owner, Activity? activity, CertificateDescription certificate, string region, long startTimestamp)
    {
        this.owner = owner;
        this.activity = activity;
        Certificate = certificate;
        Region = region;
        StartTimestamp = startTimestamp;
    }

    public CertificateDescription Certificate { get; }

    public string Region { get; }

    public long StartTimestamp { get; }

    /// <summary>Records a successful attempt.</summary>
    /// <param name="requestId">The service's request id (<c>x-amzn-RequestId</c>), if any.</param>
    /// <param name="expiration">When the credentials received expire.</param>
    public void Succeeded(string? requestId, DateTimeOffset expiration)
    {
        if (Interlocked.Exchange(ref completed, 1) != 0)
        {
            return;
        }

        if (activity is not null)
        {
            activity.SetTag(TelemetryTags.RequestId, requestId);
            activity.SetTag(TelemetryTags.Outcome, TelemetryTags.Success);
            activity.SetStatus(ActivityStatusCode.Ok);
            activity.Dispose();
        }

        owner.Complete(this, requestId, expiration, exception: null);
    }

    /// <summary>Records a failed attempt.</summary>
    /// <param name="exception">What went wrong; a <see cref="RolesAnywhereServiceException"/> carries the request id.</param>
    public void Failed(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (Interlocked.Exchange(ref completed, 1) != 0)
        {
            return;
        }

        var requestId = (exception as RolesAnywhereServiceException)?.RequestId;
        if (activity is not null)
        {
            activity.SetTag(TelemetryTags.RequestId, requestId);
            activity.SetTag(TelemetryTags.Outcome, TelemetryTags.Failure);
            activity.SetTag(TelemetryTags.ErrorType, ErrorClassifier.Classify(exception));
            activity.SetStatus(ActivityStatusCode.Error, exception.Message);
            activity.Dispose();
        }

        owner.Complete(this, requestId, expiration: null, exception);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref completed, 1) == 0)
        {
            activity?.Dispose();
        }
    }
}
