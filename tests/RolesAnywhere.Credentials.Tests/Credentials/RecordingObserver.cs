using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using RolesAnywhere.Credentials.Sessions;

namespace RolesAnywhere.Credentials.Tests.Credentials;

/// <summary>
/// Records what the credentials report, and moves the fake clock through each backoff so retries happen
/// without sleeping (the clock is the only thing faked).
/// </summary>
internal sealed class RecordingObserver(FakeTimeProvider? clock = null, TimeSpan? extraAdvance = null) : ICreateSessionObserver
{
    private int _successes;

    public ConcurrentQueue<TimeSpan> Backoffs { get; } = new();

    public ConcurrentQueue<(int Attempt, HttpStatusCode? Status, RolesAnywhereException? Error)> Attempts { get; } = new();

    public ConcurrentQueue<(Exception Error, bool ServingLastGood)> Failures { get; } = new();

    public int Successes => Volatile.Read(ref _successes);

    public void AttemptEnded(CreateSessionAttemptInfo attempt, TimeSpan duration, HttpStatusCode? status, string? requestId, SessionCredentials? credentials, RolesAnywhereException? error) =>
        Attempts.Enqueue((attempt.Number, status, error));

    public void BackoffStarted(CreateSessionAttemptInfo failedAttempt, TimeSpan delay)
    {
        Backoffs.Enqueue(delay);
        clock?.Advance(delay + (extraAdvance ?? TimeSpan.Zero));
    }

    public void RefreshSucceeded(SessionCredentials credentials) => Interlocked.Increment(ref _successes);

    public void RefreshFailed(Exception error, bool servingLastGood) => Failures.Enqueue((error, servingLastGood));
}
