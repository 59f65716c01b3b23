using System.Runtime.ExceptionServices;

namespace RolesAnywhere.Credentials.Sessions;

internal sealed partial class CreateSessionClient
{
    /// <summary>One CreateSession call: its time budget, attempt count, last failure and telemetry.</summary>
    private sealed class CallScope : IDisposable
    {
        private readonly CreateSessionClient _client;
        private readonly CancellationToken _caller;
        private readonly CancellationTokenSource _budget;
        private readonly CancellationTokenSource _linked;
        private readonly long _started;
        private long _attemptStarted;

        public CallScope(CreateSessionClient client, CancellationToken caller)
        {
            _client = client;
            _caller = caller;
            _budget = new CancellationTokenSource(client._settings.RefreshTimeout, client._time);
            _linked = CancellationTokenSource.CreateLinkedTokenSource(_budget.Token, caller);
            _started = client._time.GetTimestamp();
        }

        /// <summary>Gets the token that fires when the caller cancels or the budget runs out.</summary>
        public CancellationToken Token => _linked.Token;

        public int Attempts { get; private set; }

        public RolesAnywhereServiceException? LastFailure { get; private set; }

        public CreateSessionAttemptInfo Start(int number, DateTimeOffset signingTime)
        {
            Attempts = number;
            var attempt = new CreateSessionAttemptInfo(number, _client._retry.MaxAttempts, _client._settings.Endpoint.SessionsUri, signingTime, _client._signer.Certificate);
            _attemptStarted = _client._time.GetTimestamp();
            _client._observer.AttemptStarted(attempt);
            return attempt;
        }

        /// <summary>Returns a source that also fires after <see cref="SessionSettings.HttpTimeout"/>, on the client's clock.</summary>
        public AttemptTimeout AttemptToken() => new(_client._settings.HttpTimeout, _client._time, Token);

        /// <summary>Reads a response: credentials on success; a retryable failure; or throws the refusal.</summary>
        public AttemptOutcome Evaluate(CreateSessionAttemptInfo attempt, HttpResponseMessage response, byte[] body)
        {
            var requestId = Diagnostics.RemoteText.Clean(response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.FirstOrDefault() : null);
            if (response.IsSuccessStatusCode)
            {
                var now = _client._time.GetUtcNow();
                SessionCredentials credentials;
                try
                {
                    credentials = CreateSessionResponseParser.Parse(body, response.StatusCode, requestId, now);
                }
                catch (RolesAnywhereServiceException ex)
                {
                    Ended(attempt, response.StatusCode, requestId, ex);
                    throw;
                }

                if (credentials.Expiration - now <= SessionCredentials.UsableMargin)
                {
                    // Not worth handing out (the SDKs would find them expired): a failed attempt, retried like a server fault.
                    var tooSoon = AttemptFailures.ExpiresTooSoon(credentials.Expiration, now, response.StatusCode, requestId);
                    Ended(attempt, response.StatusCode, requestId, tooSoon);
                    LastFailure = tooSoon;
                    return new AttemptOutcome(null, tooSoon, null, false);
                }

                var longest = TimeSpan.FromSeconds(_client._settings.DurationSeconds);
                if (credentials.Expiration - now > longest + ClockSkew.Tolerance)
                {
                    // Never trust an expiry beyond what was asked for (plus the clock skew the service allows).
                    var capped = credentials.WithExpiration(now + longest);
                    _client._observer.ExpirationCapped(credentials.Expiration, capped.Expiration, longest);
                    credentials = capped;
                }

                _client._observer.AttemptEnded(attempt, _client._time.GetElapsedTime(_attemptStarted), response.StatusCode, requestId, credentials, null);
                return new AttemptOutcome(credentials, null, null, false);
            }

            var error = ServiceError.Read(response, body);
            var failure = error.ToException(attempt.SigningTime);
            Ended(attempt, response.StatusCode, error.RequestId, failure);
            if (!error.IsThrottling && !error.IsServerFault)
            {
                throw failure;
            }

            LastFailure = failure;
            return new AttemptOutcome(null, failure, error.RetryAfter, error.IsThrottling);
        }

        /// <summary>Turns an exception from sending into a retryable failure, or throws what the caller must see.</summary>
        public RolesAnywhereServiceException Classify(Exception error, CreateSessionAttemptInfo attempt, AttemptTimeout attemptTimeout)
        {
            var endpoint = _client._settings.Endpoint.SessionsUri;
            RolesAnywhereServiceException failure;
            if (error is OperationCanceledException canceled)
            {
                if (_caller.IsCancellationRequested)
                {
                    Ended(attempt, null, null, null);
                    ExceptionDispatchInfo.Throw(error);
                }

                if (_budget.IsCancellationRequested)
                {
                    var exceeded = AttemptFailures.BudgetExceeded(_client._settings.RefreshTimeout, Attempts, LastFailure, canceled);
                    Ended(attempt, null, null, exceeded);
                    throw exceeded;
                }

                if (!attemptTimeout.HasFired && canceled.InnerException is not TimeoutException)
                {
                    ExceptionDispatchInfo.Throw(error);
                }

                failure = AttemptFailures.Timeout(endpoint, _client._settings.HttpTimeout, canceled);
            }
            else if (AttemptFailures.IsTooLarge(error))
            {
                failure = AttemptFailures.TooLarge(endpoint, error);
                Ended(attempt, null, null, failure);
                throw failure;
            }
            else
            {
                failure = AttemptFailures.Network(endpoint, error);
                if (!AttemptFailures.IsTransientNetworkFailure(error))
                {
                    Ended(attempt, null, null, failure);
                    throw failure;
                }
            }

            Ended(attempt, null, null, failure);
            LastFailure = failure;
            return failure;
        }

        /// <summary>Returns the wait before the next attempt, or throws when attempts or budget are used up.</summary>
        public TimeSpan NextDelay(CreateSessionAttemptInfo attempt, RolesAnywhereServiceException failure, bool throttled, TimeSpan? retryAfter)
        {
            if (attempt.Number >= _client._retry.MaxAttempts)
            {
                throw AttemptFailures.GaveUp(failure, attempt.Number);
            }

            var delay = _client._retry.DelayBefore(attempt.Number, throttled, retryAfter);
            var budget = _client._settings.RefreshTimeout;
            if (budget != Timeout.InfiniteTimeSpan && _client._time.GetElapsedTime(_started) + delay >= budget)
            {
                throw AttemptFailures.GaveUp(failure, attempt.Number, $" (waiting {delay.TotalSeconds:0.###} s more, as the service asked, would pass RefreshTimeout)");
            }

            return delay;
        }

        /// <summary>Returns the exception for a cancellation during a backoff wait.</summary>
        public Exception Canceled(OperationCanceledException error) =>
            _caller.IsCancellationRequested
                ? error
                : AttemptFailures.BudgetExceeded(_client._settings.RefreshTimeout, Attempts, LastFailure, error);

        public void Dispose()
        {
            _linked.Dispose();
            _budget.Dispose();
        }

        private void Ended(CreateSessionAttemptInfo attempt, System.Net.HttpStatusCode? status, string? requestId, RolesAnywhereException? error) =>
            _client._observer.AttemptEnded(attempt, _client._time.GetElapsedTime(_attemptStarted), status, requestId, credentials: null, error);
    }
}
