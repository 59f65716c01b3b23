namespace RolesAnywhere.Credentials.Renewal;

/// <summary>
/// What a renewer last saw and did, for the health check: the certificate on disk (expiry and due time) and, while
/// renewal fails, the error and the next attempt. Immutable; the renewer replaces it after each run.
/// </summary>
/// <param name="NotAfter">When the certificate on disk expires, or <see langword="null"/> before the first run or when it could not be read.</param>
/// <param name="DueAt">When it is due for renewal.</param>
/// <param name="LastError">The failure of the last run, or <see langword="null"/> after a success.</param>
/// <param name="RetryAt">When the renewal loop tries again after a failure.</param>
internal sealed record RenewalState(DateTimeOffset? NotAfter, DateTimeOffset? DueAt, Exception? LastError, DateTimeOffset? RetryAt)
{
    public static RenewalState Initial { get; } = new(null, null, null, null);
}
