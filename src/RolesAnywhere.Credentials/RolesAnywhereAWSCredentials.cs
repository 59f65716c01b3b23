using System.Runtime.ExceptionServices;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;
using RolesAnywhere.Credentials.Configuration;
using RolesAnywhere.Credentials.Diagnostics;
using RolesAnywhere.Credentials.Identity;
using RolesAnywhere.Credentials.Refresh;
using RolesAnywhere.Credentials.Sessions;

namespace RolesAnywhere.Credentials;

/// <summary>
/// AWS credentials from IAM Roles Anywhere: signs a <c>CreateSession</c> request with an X.509 certificate's
/// private key and refreshes the temporary role credentials before they expire. Give it to any AWS SDK
/// for .NET client; share one instance per process.
/// </summary>
/// <remarks>
/// <para>
/// Refreshes start in the background some minutes before expiry (a quarter of the lifetime, at most 15
/// minutes, with random jitter); concurrent callers at expiry cause one <c>CreateSession</c> call. When a
/// refresh fails, the last credentials keep being returned while they are valid; expired credentials
/// are never returned. Certificate and key files are re-read when they change on disk.
/// </para>
/// <para>
/// <see cref="RefreshingAWSCredentials.Expiration"/> reports when the credentials will next be replaced,
/// which is earlier than the session's own expiry (by the SDK's one-minute buffer, and after a failed
/// refresh, until the next attempt).
/// </para>
/// </remarks>
public sealed partial class RolesAnywhereAWSCredentials : RefreshingAWSCredentials
{
    private readonly TimeProvider _time;
    private readonly AwsSdkClock _sdkClock;
    private readonly RotatingRequestSigner _signer;
    private readonly CreateSessionClient _client;
    private readonly SessionRefresher _refresher;
    private readonly RefreshSchedule _schedule;
    private readonly Func<SigningIdentity, CancellationToken, Task> _sessionCheck;
    private RolesAnywhereException? _lastReportedFailure;

    /// <summary>Initializes a new instance from <paramref name="options"/>, loading the certificate and key now.</summary>
    /// <param name="options">The trust anchor, profile and role ARNs, the certificate and key, and the settings of the CreateSession calls.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="RolesAnywhereConfigurationException">A setting is invalid or the certificate or key cannot be used; the message lists every problem found.</exception>
    public RolesAnywhereAWSCredentials(RolesAnywhereOptions options)
        : this(options, TimeProvider.System, httpMessageHandler: null, observer: null)
    {
    }

    /// <summary>
    /// Initializes a new instance from <paramref name="options"/>, loading the certificate and key now, and logs
    /// each CreateSession, refresh and failure to <paramref name="loggerFactory"/> (category
    /// <c>RolesAnywhere.Credentials</c>), as the dependency injection registration does. Never logs secrets.
    /// </summary>
    /// <param name="options">The trust anchor, profile and role ARNs, the certificate and key, and the settings of the CreateSession calls.</param>
    /// <param name="loggerFactory">Where to log, or <see langword="null"/> for no logging.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="RolesAnywhereConfigurationException">A setting is invalid or the certificate or key cannot be used; the message lists every problem found.</exception>
    public RolesAnywhereAWSCredentials(RolesAnywhereOptions options, ILoggerFactory? loggerFactory)
        : this(
            options,
            TimeProvider.System,
            httpMessageHandler: null,
            observer: loggerFactory is null || options is null ? null : CreateSessionTelemetry.For(options, loggerFactory.CreateLogger(RolesAnywhereTelemetry.Name), metrics: null, TimeProvider.System))
    {
    }

    /// <summary>
    /// The one constructor every other calls: also takes the clock, the HTTP handler and the telemetry observer
    /// (tests and hosting). Checks the options as dependency injection and profiles do, then opens the key, once.
    /// </summary>
    /// <param name="options">The options.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="httpMessageHandler">The HTTP handler, or <see langword="null"/> for the options' or the default one.</param>
    /// <param name="observer">The telemetry observer, or <see langword="null"/> for spans and metrics only.</param>
    internal RolesAnywhereAWSCredentials(RolesAnywhereOptions options, TimeProvider timeProvider, HttpMessageHandler? httpMessageHandler, ICreateSessionObserver? observer)
        : this(options, timeProvider, httpMessageHandler, observer, new AwsSdkClock(timeProvider ?? TimeProvider.System))
    {
    }

    private RolesAnywhereAWSCredentials(RolesAnywhereOptions options, TimeProvider timeProvider, HttpMessageHandler? httpMessageHandler, ICreateSessionObserver? observer, AwsSdkClock sdkClock)
        : base(sdkClock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _time = timeProvider;
        _sdkClock = sdkClock;
        _schedule = new RefreshSchedule();

        // The one validation (as dependency injection and profiles make it), then the key, opened once; when the
        // settings are wrong but the sources usable, the identity is still loaded to list its problems too.
        var failures = new List<SettingProblem>();
        var settings = RolesAnywhereOptionsValidator.Check(options, failures, out var identityLoadable);
        RotatingRequestSigner? signer = null;
        try
        {
            if (settings is not null && failures.Count == 0)
            {
                signer = RotatingRequestSigner.Create(options, settings.Endpoint, timeProvider);
            }
            else if (identityLoadable)
            {
                SigningIdentityLoader.Load(options, timeProvider).Dispose();
            }
        }
        catch (RolesAnywhereConfigurationException ex)
        {
            failures.AddRange(ex.Problems);
        }

        if (failures.Count != 0 || settings is null || signer is null)
        {
            signer?.Dispose();
            throw new RolesAnywhereConfigurationException(failures);
        }

        _signer = signer;
        var http = SessionHttpClientFactory.Create(httpMessageHandler ?? options.HttpMessageHandler, options.Proxy);
        // Without an observer of the caller's (hosting passes one with a logger), spans and metrics still flow to listeners.
        _client = new CreateSessionClient(settings, signer, timeProvider, http, observer ?? new CreateSessionTelemetry(settings.Arns.Region, timeProvider: timeProvider));
        // The outcome is reported from here (Accept, FallBack), right before the SDK stores it, not by the refresh core.
        _refresher = new SessionRefresher(_client, timeProvider);
        _sessionCheck = Renewal.SessionCheck.For(settings, httpMessageHandler ?? options.HttpMessageHandler, options.Proxy, timeProvider);
        PreemptExpiryTime = _schedule.PreemptFor(TimeSpan.FromSeconds(settings.DurationSeconds) - ExpirationBuffer);
    }

    /// <summary>Gets the CreateSession client (for the command-line tool and hosting).</summary>
    internal CreateSessionClient Client => _client;

    /// <summary>Gets the refresh core these credentials share with the command-line tool.</summary>
    internal SessionRefresher Refresher => _refresher;

    /// <summary>Gets the session check of a renewal: one CreateSession with these credentials' settings, signed with a proposed pair.</summary>
    internal Func<SigningIdentity, CancellationToken, Task> SessionCheck => _sessionCheck;

    /// <summary>
    /// Loads the certificate and key files now that a renewal replaced them, so that the next CreateSession is signed
    /// with the new pair. The credentials already obtained stay valid and keep being served until their refresh.
    /// </summary>
    /// <exception cref="RolesAnywhereConfigurationException">The files cannot be used; the previous pair stays in use.</exception>
    internal void UseRenewedPair() => _signer.Refresh();

    /// <summary>Refreshes outside the SDK's cache, through the shared refresh core (for the command-line tool).</summary>
    internal Task<SessionCredentials> CreateSessionAsync(CancellationToken cancellationToken) => _refresher.RefreshAsync(cancellationToken);

    /// <inheritdoc/>
    protected override CredentialsRefreshState GenerateNewCredentials()
    {
        if (TryDefer(out var deferred))
        {
            return deferred;
        }

        try
        {
            // On this thread, with synchronous HTTP; callers queued behind the SDK's lock then share the outcome.
            return Accept(_refresher.Refresh());
        }
        catch (RolesAnywhereException ex)
        {
            return FallBack(ex);
        }
    }

    /// <inheritdoc/>
    protected override async Task<CredentialsRefreshState> GenerateNewCredentialsAsync()
    {
        // The SDK calls this on the caller's thread, holding its refresh lock (a background refresh is started from
        // inside GetCredentials): the refresh core leaves both before touching disk, key or network (its own thread).
        if (TryDefer(out var deferred))
        {
            return deferred;
        }

        try
        {
            return Accept(await _refresher.RefreshAsync(CancellationToken.None).ConfigureAwait(false));
        }
        catch (RolesAnywhereException ex)
        {
            return FallBack(ex);
        }
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _client.Dispose();
            _signer.Dispose();
        }
    }

    private CredentialsRefreshState Accept(SessionCredentials session)
    {
        // The client refuses credentials with no more than SessionCredentials.UsableMargin left, so this is positive.
        var lifetime = session.Expiration - _time.GetUtcNow();
        PreemptExpiryTime = _schedule.PreemptFor(lifetime - ExpirationBuffer);
        _client.Observer.RefreshSucceeded(session);

        // Kind must be Utc (the SDK reads any other kind as local time), and the state must use our clock.
        return new CredentialsRefreshState(session.Sdk, session.Expiration.UtcDateTime, _sdkClock);
    }

    /// <summary>After a recent failure, hands back the last credentials without calling the service again.</summary>
    private bool TryDefer(out CredentialsRefreshState state)
    {
        if (_refresher.RetryAt is { } retryAt && _time.GetUtcNow() < retryAt && _refresher.Current is { } last)
        {
            state = StateUntil(last, retryAt);
            return true;
        }

        state = null!;
        return false;
    }

    /// <summary>Serves the last good credentials while they are usable, otherwise throws the failure.</summary>
    private CredentialsRefreshState FallBack(RolesAnywhereException error)
    {
        var last = _refresher.Current;

        // Callers that share a failure (the refresh core hands each the same exception) report it once.
        if (!ReferenceEquals(Interlocked.Exchange(ref _lastReportedFailure, error), error))
        {
            _client.Observer.RefreshFailed(error, servingLastGood: last is not null);
        }

        if (last is not null)
        {
            return StateUntil(last, _refresher.RetryAt ?? _time.GetUtcNow());
        }

        ExceptionDispatchInfo.Throw(error);
        return null;
    }

    /// <summary>
    /// Returns a state holding <paramref name="last"/> that the SDK considers due for a background refresh
    /// from <paramref name="retryAt"/> on, and never past the credentials' real expiry.
    /// </summary>
    private CredentialsRefreshState StateUntil(SessionCredentials last, DateTimeOffset retryAt)
    {
        var until = retryAt + ExpirationBuffer + PreemptExpiryTime;
        var expiration = until < last.Expiration ? until : last.Expiration;
        return new CredentialsRefreshState(last.Sdk, expiration.UtcDateTime, _sdkClock);
    }
}
