namespace RolesAnywhere.Credentials.Diagnostics;

/// <summary>What the last <c>CreateSession</c> attempts left behind, as the health check sees it.</summary>
/// <param name="Certificate">The certificate of the last attempt, or <see langword="null"/> before the first.</param>
/// <param name="CredentialsExpiration">When the newest credentials expire, or <see langword="null"/> before the first success.</param>
/// <param name="LastSuccess">When the last attempt that succeeded ended.</param>
/// <param name="LastFailure">When the last attempt that failed ended.</param>
/// <param name="LastErrorType">The error type of the last failure (see <see cref="ErrorClassifier"/>).</param>
/// <param name="LastErrorMessage">The message of the last failure (never holds secrets: exception messages of this library do not).</param>
internal sealed record CredentialStateSnapshot(
    CertificateDescription? Certificate,
    DateTimeOffset? CredentialsExpiration,
    DateTimeOffset? LastSuccess,
    DateTimeOffset? LastFailure,
    string? LastErrorType,
    string? LastErrorMessage)
{
    public static CredentialStateSnapshot Empty { get; } = new(null, null, null, null, null, null);

    /// <summary>Gets a value indicating whether the most recent attempt failed.</summary>
    public bool LastAttemptFailed => LastFailure is { } failure && (LastSuccess is not { } success || failure >= success);
}
