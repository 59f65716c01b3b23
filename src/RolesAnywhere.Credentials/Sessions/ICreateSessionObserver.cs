using System.Net;

namespace RolesAnywhere.Credentials.Sessions;

/// <summary>
/// The seam where logging, tracing and metrics attach: told when each CreateSession attempt starts and
/// ends, when a backoff starts, and how each refresh of the credentials ends. Every member has a no-op
/// default; implementations must not throw and must not block.
/// </summary>
internal interface ICreateSessionObserver
{
    /// <summary>An attempt is about to be sent (already signed).</summary>
    void AttemptStarted(CreateSessionAttemptInfo attempt)
    {
    }

    /// <summary>
    /// An attempt ended: with <paramref name="credentials"/> on success, otherwise with <paramref name="error"/>
    /// (both <see langword="null"/> when the caller canceled); <paramref name="status"/> is <see langword="null"/> when no response arrived.
    /// </summary>
    void AttemptEnded(CreateSessionAttemptInfo attempt, TimeSpan duration, HttpStatusCode? status, string? requestId, SessionCredentials? credentials, RolesAnywhereException? error)
    {
    }

    /// <summary>
    /// The service's <paramref name="serviceExpiration"/> lay further ahead than the requested <paramref name="duration"/>
    /// (plus the allowed clock skew): the credentials are used until <paramref name="capped"/> instead.
    /// </summary>
    void ExpirationCapped(DateTimeOffset serviceExpiration, DateTimeOffset capped, TimeSpan duration)
    {
    }

    /// <summary>A wait before the next attempt has started (the timer is already running).</summary>
    void BackoffStarted(CreateSessionAttemptInfo failedAttempt, TimeSpan delay)
    {
    }

    /// <summary>New credentials were obtained.</summary>
    void RefreshSucceeded(SessionCredentials credentials)
    {
    }

    /// <summary>A refresh failed; <paramref name="servingLastGood"/> tells whether the previous, still valid credentials stay in use.</summary>
    void RefreshFailed(Exception error, bool servingLastGood)
    {
    }
}
