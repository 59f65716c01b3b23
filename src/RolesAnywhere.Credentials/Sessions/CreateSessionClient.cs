namespace RolesAnywhere.Credentials.Sessions;

/// <summary>
/// Calls CreateSession: signs each attempt afresh (new <c>X-Amz-Date</c>), retries throttling, server faults,
/// network failures, timeouts and credentials that would expire too soon with backoff, and bounds the whole call
/// by <see cref="SessionSettings.RefreshTimeout"/>. One retry loop serves both paths (the <c>bool async</c>
/// pattern): the synchronous one uses <see cref="HttpClient.Send(HttpRequestMessage, HttpCompletionOption, CancellationToken)"/>
/// and waits on its own thread, with no sync-over-async. Thread-safe; sync and async calls may overlap.
/// </summary>
internal sealed partial class CreateSessionClient : ISessionSource, IDisposable
{
    private readonly SessionSettings _settings;
    private readonly ICreateSessionSigner _signer;
    private readonly TimeProvider _time;
    private readonly HttpClient _http;
    private readonly RetryPolicy _retry;
    private readonly ICreateSessionObserver _observer;

    public CreateSessionClient(SessionSettings settings, ICreateSessionSigner signer, TimeProvider timeProvider, HttpClient httpClient, ICreateSessionObserver? observer = null, RetryPolicy? retryPolicy = null)
    {
        _settings = settings;
        _signer = signer;
        _time = timeProvider;
        _http = httpClient;
        _observer = observer ?? NullCreateSessionObserver.Instance;
        _retry = retryPolicy ?? new RetryPolicy(settings.MaxRetries);
    }

    public SessionSettings Settings => _settings;

    public ICreateSessionSigner Signer => _signer;

    public ICreateSessionObserver Observer => _observer;

    /// <summary>Creates a session synchronously.</summary>
    /// <exception cref="RolesAnywhereConfigurationException">The certificate or key cannot be used; nothing was sent.</exception>
    /// <exception cref="RolesAnywhereServiceException">The service refused, or no usable answer came within the retries and <see cref="SessionSettings.RefreshTimeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public SessionCredentials CreateSession(CancellationToken cancellationToken = default)
    {
        var pending = CreateSessionAsync(async: false, cancellationToken);
        System.Diagnostics.Debug.Assert(pending.IsCompleted, "the synchronous path completes before it returns");
        return pending.GetAwaiter().GetResult();
    }

    /// <summary>Creates a session.</summary>
    /// <exception cref="RolesAnywhereConfigurationException">The certificate or key cannot be used; nothing was sent.</exception>
    /// <exception cref="RolesAnywhereServiceException">The service refused, or no usable answer came within the retries and <see cref="SessionSettings.RefreshTimeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public Task<SessionCredentials> CreateSessionAsync(CancellationToken cancellationToken = default) => CreateSessionAsync(async: true, cancellationToken).AsTask();

    /// <inheritdoc/>
    public async ValueTask<SessionCredentials> CreateSessionAsync(bool async, CancellationToken cancellationToken)
    {
        _signer.Refresh();
        using var call = new CallScope(this, cancellationToken);
        for (var number = 1; ; number++)
        {
            var signingTime = _time.GetUtcNow();
            using var attemptToken = call.AttemptToken();
            using var request = new HttpRequestMessage(HttpMethod.Post, _settings.Endpoint.SessionsUri) { Content = new SignedBody(_settings.RequestBody, attemptToken) };
            if (async)
            {
                await _signer.SignAsync(request, _settings.RequestBody, signingTime, call.Token).ConfigureAwait(false);
            }
            else
            {
                _signer.Sign(request, _settings.RequestBody, signingTime);
            }

            var attempt = call.Start(number, signingTime);
            AttemptOutcome outcome;
            try
            {
                // ResponseContentRead: the body is read within the attempt's timeout, and no more than MaxResponseContentBufferSize of it.
                using var response = async
                    ? await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, attemptToken.Token).ConfigureAwait(false)
                    : _http.Send(request, HttpCompletionOption.ResponseContentRead, attemptToken.Token);
                var body = async
                    ? await response.Content.ReadAsByteArrayAsync(attemptToken.Token).ConfigureAwait(false)
                    : ReadBody(response, attemptToken.Token);
                outcome = call.Evaluate(attempt, response, body);
                if (outcome.Credentials is not null)
                {
                    return outcome.Credentials;
                }
            }
            catch (Exception ex) when (ex is not RolesAnywhereException)
            {
                outcome = new AttemptOutcome(null, call.Classify(ex, attempt, attemptToken), null, false);
            }

            var delay = call.NextDelay(attempt, outcome.Failure!, outcome.Throttled, outcome.RetryAfter);
            try
            {
                if (async)
                {
                    var waiting = Task.Delay(delay, _time, call.Token);
                    _observer.BackoffStarted(attempt, delay);
                    await waiting.ConfigureAwait(false);
                }
                else
                {
                    WaitHere(attempt, delay, call.Token);
                }
            }
            catch (OperationCanceledException ex)
            {
                throw call.Canceled(ex);
            }
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Waits on this thread: on the system clock without a timer (a timer's callback would need a thread-pool thread).</summary>
    private void WaitHere(CreateSessionAttemptInfo attempt, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (ReferenceEquals(_time, TimeProvider.System))
        {
            _observer.BackoffStarted(attempt, delay);
            cancellationToken.WaitHandle.WaitOne(delay);
            cancellationToken.ThrowIfCancellationRequested();
            return;
        }

        using var wait = new ManualResetEventSlim(false);
        using var timer = _time.CreateTimer(static s => ((ManualResetEventSlim)s!).Set(), wait, delay, Timeout.InfiniteTimeSpan);
        _observer.BackoffStarted(attempt, delay);
        wait.Wait(cancellationToken);
    }

    private static byte[] ReadBody(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var stream = response.Content.ReadAsStream(cancellationToken);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
