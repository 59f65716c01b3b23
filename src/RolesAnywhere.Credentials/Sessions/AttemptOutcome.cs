namespace RolesAnywhere.Credentials.Sessions;

/// <summary>The result of one answered attempt: credentials, or a failure worth retrying.</summary>
internal readonly record struct AttemptOutcome(SessionCredentials? Credentials, RolesAnywhereServiceException? Failure, TimeSpan? RetryAfter, bool Throttled);
