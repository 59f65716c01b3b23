namespace RolesAnywhere.Credentials.Sessions;

/// <summary>Where <see cref="Refresh.SessionRefresher"/> gets new sessions: one CreateSession call (its retries included) per call, no caching.</summary>
internal interface ISessionSource
{
    /// <summary>
    /// Creates a session: synchronously when <paramref name="async"/> is <see langword="false"/> (the returned task is then
    /// already completed and no thread-pool thread was needed to finish it), otherwise asynchronously.
    /// </summary>
    /// <exception cref="RolesAnywhereException">The configuration is unusable or the service refused.</exception>
    ValueTask<SessionCredentials> CreateSessionAsync(bool async, CancellationToken cancellationToken);
}
