using Microsoft.Extensions.Logging;
using RolesAnywhere.Credentials.Diagnostics;
using RolesAnywhere.Credentials.Sessions;

namespace RolesAnywhere.Credentials.Renewal;

/// <summary>The renewal loop, and what every run reports: the state for the health check, the metric, the credentials' switch.</summary>
public sealed partial class CertificateRenewer
{
    /// <summary>The first wait after a failed renewal (upper bound; see <see cref="Backoff"/>).</summary>
    internal static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between failed renewals in a row.</summary>
    internal static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(30);

    /// <summary>The loop looks at the files at least this often, so a pair replaced by someone else (or a clock that jumped) is noticed.</summary>
    internal static readonly TimeSpan CheckInterval = TimeSpan.FromHours(1);

    private readonly Backoff _retry = new(FirstRetryDelay, MaxRetryDelay);
    private volatile RenewalState _state = RenewalState.Initial;

    /// <summary>
    /// Gets or sets what to call once a new pair is on disk (renewed here or by another renewer) and the credentials, if
    /// any, use it: the command-line tool's <c>serve</c> and <c>update</c> then fetch a session signed with it.
    /// </summary>
    internal Action<CertificateRenewalResult>? PairInstalled { get; set; }

    /// <summary>Gets what the last run saw and did, for the health check.</summary>
    internal RenewalState State => _state;

    /// <summary>
    /// Keeps the certificate renewed until <paramref name="cancellationToken"/> is canceled: renews when due (see
    /// <see cref="RenewIfDueAsync"/>), then waits until the new certificate is due. A failed renewal is retried with
    /// exponential backoff and jitter (30 s, doubling, at most 30 minutes between attempts), for as long as it takes;
    /// the current pair stays in place meanwhile. The files are looked at at least once an hour.
    /// </summary>
    /// <param name="cancellationToken">Stops the loop.</param>
    /// <returns>A task that completes when the loop has stopped; it never faults.</returns>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                var result = await RunOnceAsync(force: false, cancellationToken).ConfigureAwait(false);
                failures = 0;
                wait = result.DueAt - _time.GetUtcNow();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                wait = _retry.Delay(++failures);
                _state = _state with { RetryAt = _time.GetUtcNow() + wait };
                RenewalLog.Retrying(_logger, failures, _state.RetryAt!.Value);
            }

            try
            {
                await Task.Delay(Clamp(wait), _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static TimeSpan Clamp(TimeSpan wait) =>
        wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait > CheckInterval ? CheckInterval : wait;

    /// <summary>One run: reports its outcome (state, metric) and, when a new pair is in place, switches the credentials to it.</summary>
    private async Task<CertificateRenewalResult> RunOnceAsync(bool force, CancellationToken cancellationToken)
    {
        CertificateRenewalResult result;
        try
        {
            result = await RunCoreAsync(force, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _metrics.RecordRenewal(TelemetryTags.Failure, (ex as CertificateRenewalException)?.Stage.ToString() ?? ex.GetType().Name);
            _state = _state with { LastError = ex, RetryAt = null };
            throw;
        }

        _state = new RenewalState(result.NotAfter, result.DueAt, null, null);
        if (result.Outcome == CertificateRenewalOutcome.NotDue)
        {
            return result;
        }

        _metrics.RecordRenewal(result.Outcome == CertificateRenewalOutcome.Renewed ? TelemetryTags.Renewed : TelemetryTags.RenewedElsewhere);
        try
        {
            _credentials?.UseRenewedPair();
        }
        catch (RolesAnywhereConfigurationException ex)
        {
            // The pair was proven before the swap, so this means someone changed the files since; the credentials keep
            // the pair they have and load the files again at their next refresh.
            RenewalLog.SwitchFailed(_logger, result.Serial, ex);
        }

        PairInstalled?.Invoke(result);
        return result;
    }

    /// <summary>Notes the certificate a run found on disk (before anything else can fail).</summary>
    private void Saw(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate) =>
        _state = _state with { NotAfter = RenewalSchedule.NotAfter(certificate), DueAt = DueAt(certificate) };
}
