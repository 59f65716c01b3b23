using System.Net.Http.Headers;

namespace RolesAnywhere.Credentials.Sessions;

/// <summary>
/// Calls CreateSession: signs each attempt afresh (new <c>X-Amz-Date</c>), retries throttling, server
/// faults, network failures and timeouts with backoff, and bounds the whole call by
/// <see cref="SessionSettings.RefreshTimeout"/>. The synchronous path uses <see cref="HttpClient.Send(HttpRequestMessage, CancellationToken)"/>
/// (no sync-over-async). Thread-safe; sync and async calls may overlap.
/// </summary>
internal sealed partial class CreateSessionClient : IDisposable
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
    /// <exception cref="RolesAnywhereServiceException">The service refused, or no answer came within the retries and <see cref="SessionSettings.RefreshTimeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public SessionCredentials CreateSession(CancellationToken cancellationToken = default)
    {
        _signer.Refresh();
        using var call = new CallScope(this, cancellationToken);
        for (var number = 1; ; number++)
        {
            var signingTime = _time.GetUtcNow();
            using var request = NewRequest();
            _signer.Sign(request, _settings.RequestBody, signingTime);
            var attempt = call.Start(number, signingTime);
            using var attemptToken = call.AttemptToken();
            RolesAnywhereServiceException failure;
            TimeSpan? retryAfter = null;
            var throttled = false;
            try
            {
                using var response = _http.Send(request, HttpCompletionOption.ResponseContentRead, attemptToken.Token);
                var body = ReadBody(response, attemptToken.Token);
                var outcome = call.Evaluate(attempt, response, body);
                if (outcome.Credentials is not null)
                {
                    return outcome.Credentials;
                }

                (failure, retryAfter, throttled) = (outcome.Failure!, outcome.RetryAfter, outcome.Throttled);
            }
            catch (Exception ex) when (ex is not RolesAnywhereException)
            {
                failure = call.Classify(ex, attempt, attemptToken);
            }

            var delay = call.NextDelay(attempt, failure, throttled, retryAfter);
            using var wait = new ManualResetEventSlim(false);
            using var timer = _time.CreateTimer(static s => ((ManualResetEventSlim)s!).Set(), wait, delay, Timeout.InfiniteTimeSpan);
            _observer.BackoffStarted(attempt, delay);
            try
            {
                wait.Wait(call.Token);
            }
            catch (OperationCanceledException ex)
            {
                throw call.Canceled(ex);
            }
        }
    }

    /// <summary>Creates a session.</summary>
    /// <exception cref="RolesAnywhereConfigurationException">The certificate or key cannot be used; nothing was sent.</exception>
    /// <exception cref="RolesAnywhereServiceException">The service refused, or no answer came within the retries and <see cref="SessionSettings.RefreshTimeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public async Task<SessionCredentials> CreateSessionAsync(CancellationToken cancellationToken = default)
    {
        _signer.Refresh();
        using var call = new CallScope(this, cancellationToken);
        for (var number = 1; ; number++)
        {
            var signingTime = _time.GetUtcNow();
            using var request = NewRequest();
            await _signer.SignAsync(request, _settings.RequestBody, signingTime, call.Token).ConfigureAwait(false);
            var attempt = call.Start(number, signingTime);
            using var attemptToken = call.AttemptToken();
            RolesAnywhereServiceException failure;
            TimeSpan? retryAfter = null;
            var throttled = false;
            try
            {
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, attemptToken.Token).ConfigureAwait(false);
                var body = await response.Content.ReadAsByteArrayAsync(attemptToken.Token).ConfigureAwait(false);
                var outcome = call.Evaluate(attempt, response, body);
                if (outcome.Credentials is not null)
                {
                    return outcome.Credentials;
                }

                (failure, retryAfter, throttled) = (outcome.Failure!, outcome.RetryAfter, outcome.Throttled);
            }
            catch (Exception ex) when (ex is not RolesAnywhereException)
            {
                failure = call.Classify(ex, attempt, attemptToken);
            }

            var delay = call.NextDelay(attempt, failure, throttled, retryAfter);
            var waiting = Task.Delay(delay, _time, call.Token);
            _observer.BackoffStarted(attempt, delay);
            try
            {
                await waiting.ConfigureAwait(false);
            }
            catch (OperationCanceledException ex)
            {
                throw call.Canceled(ex);
            }
        }
    }

    public void Dispose() => _http.Dispose();

    private HttpRequestMessage NewRequest()
    {
        var content = new ByteArrayContent(_settings.RequestBody);
        // Exactly "application/json": no charset parameter (what is signed must equal what is sent).
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpRequestMessage(HttpMethod.Post, _settings.Endpoint.SessionsUri) { Content = content };
    }

    private static byte[] ReadBody(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var stream = response.Content.ReadAsStream(cancellationToken);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
