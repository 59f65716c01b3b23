using System.Globalization;
using Amazon.Runtime;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RolesAnywhere.Credentials.Diagnostics;
using RolesAnywhere.Credentials.Renewal;

namespace RolesAnywhere.Credentials.HealthChecks;

/// <summary>
/// Healthy with valid credentials; degraded when the certificate expires within
/// <see cref="RolesAnywhereHealthCheckOptions.CertificateExpiryWarning"/> or the last refresh failed while
/// the previous credentials are still valid; unhealthy when no valid credentials can be had.
/// </summary>
internal sealed class RolesAnywhereHealthCheck : IHealthCheck
{
    private readonly AWSCredentials credentials;
    private readonly ICredentialState? state;
    private readonly RolesAnywhereHealthCheckOptions options;
    private readonly TimeProvider timeProvider;
    private readonly CertificateRenewer? renewer;

    public RolesAnywhereHealthCheck(AWSCredentials credentials, ICredentialState? state, RolesAnywhereHealthCheckOptions options, TimeProvider timeProvider, CertificateRenewer? renewer = null)
    {
        this.credentials = credentials;
        this.state = state;
        this.options = options;
        this.timeProvider = timeProvider;
        this.renewer = renewer;
    }

    private CredentialStateSnapshot Snapshot => state?.Snapshot ?? CredentialStateSnapshot.Empty;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // Cached credentials come back at once; expired ones are refreshed (bounded by RefreshTimeout).
            var current = await credentials.GetCredentialsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            if (current is null || string.IsNullOrEmpty(current.AccessKey))
            {
                return HealthCheckResult.Unhealthy("IAM Roles Anywhere returned no credentials.");
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("No valid IAM Roles Anywhere credentials: " + exception.Message, exception, Describe(Snapshot));
        }

        return Evaluate(Snapshot, timeProvider.GetUtcNow(), options.CertificateExpiryWarning, renewer?.State);
    }

    /// <summary>Judges a state in which credentials were just obtained; <paramref name="renewal"/> is the renewer's state when renewal is on.</summary>
    internal static HealthCheckResult Evaluate(CredentialStateSnapshot snapshot, DateTimeOffset now, TimeSpan expiryWarning, RenewalState? renewal = null)
    {
        var data = Describe(snapshot);
        if (snapshot.CredentialsExpiration is { } expiration && expiration <= now)
        {
            return HealthCheckResult.Unhealthy(Invariant($"The IAM Roles Anywhere credentials expired at {expiration:O} and no refresh succeeded since: {snapshot.LastErrorMessage}"), data: data);
        }

        var problems = new List<string>();
        if (renewal is not null)
        {
            // With renewal on, a certificate close to expiry is the renewer's business: only its failures and expiry count.
            if (RenewalProblem(renewal, now, data, out var expired) is { } problem)
            {
                if (expired)
                {
                    return HealthCheckResult.Unhealthy(problem, data: data);
                }

                problems.Add(problem);
            }
        }
        else if (snapshot.Certificate is { } certificate && certificate.NotAfter - now <= expiryWarning)
        {
            problems.Add(certificate.NotAfter <= now
                ? Invariant($"The certificate {certificate.Subject} (serial {certificate.SerialNumber}) expired at {certificate.NotAfter:O}: issue a new one from the trust anchor's CA.")
                : Invariant($"The certificate {certificate.Subject} (serial {certificate.SerialNumber}) expires in {certificate.DaysToExpiry(now)} days, at {certificate.NotAfter:O}: renew it."));
        }

        if (snapshot.LastAttemptFailed)
        {
            problems.Add(Invariant($"The last refresh failed ({snapshot.LastErrorType}: {snapshot.LastErrorMessage}); the current credentials stay valid until {snapshot.CredentialsExpiration:O}."));
        }

        return problems.Count == 0
            ? HealthCheckResult.Healthy(Invariant($"IAM Roles Anywhere credentials valid until {snapshot.CredentialsExpiration:O}."), data)
            : HealthCheckResult.Degraded(string.Join(" ", problems), data: data);
    }

    /// <summary>The renewer's problem: the certificate expired (<paramref name="expired"/>), or the last renewal failed; <see langword="null"/> when neither.</summary>
    private static string? RenewalProblem(RenewalState renewal, DateTimeOffset now, Dictionary<string, object> data, out bool expired)
    {
        expired = renewal.NotAfter is { } notAfter && notAfter <= now;
        if (renewal.DueAt is { } dueAt)
        {
            data["certificateRenewalDueAt"] = dueAt;
        }

        var failure = renewal.LastError;
        var cause = failure is null ? null : Invariant($"certificate renewal failed{(failure is CertificateRenewalException renewalFailure ? $" ({renewalFailure.Stage})" : string.Empty)}: {failure.Message}");
        if (expired)
        {
            return Invariant($"The certificate expired at {renewal.NotAfter:O} and was not renewed{(cause is null ? "." : "; " + cause)}");
        }

        if (cause is null)
        {
            return null;
        }

        data["certificateRenewalError"] = failure!.GetType().Name;
        return Invariant($"The {cause} {(renewal.RetryAt is { } retryAt ? $"Next attempt at {retryAt:O}; " : string.Empty)}the certificate stays valid until {renewal.NotAfter:O}.");
    }

    private static Dictionary<string, object> Describe(CredentialStateSnapshot snapshot)
    {
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        if (snapshot.CredentialsExpiration is { } expiration)
        {
            data["credentialsExpiration"] = expiration;
        }

        if (snapshot.Certificate is { } certificate)
        {
            data["certificateSubject"] = certificate.Subject;
            data["certificateSerial"] = certificate.SerialNumber;
            data["certificateNotAfter"] = certificate.NotAfter;
        }

        if (snapshot.LastErrorType is { } errorType)
        {
            data["lastErrorType"] = errorType;
        }

        return data;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
