using System.Collections.Concurrent;
using System.Net;
using RolesAnywhere.Credentials.Sessions;

namespace RolesAnywhere.Credentials.Tests.Credentials;

/// <summary>Counts CreateSession attempts as they start and end, keeping the most ever in flight at once.</summary>
internal sealed class InFlightObserver : ICreateSessionObserver
{
    private int _inFlight;
    private int _maxInFlight;
    private int _started;

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public int Started => Volatile.Read(ref _started);

    public ConcurrentQueue<RolesAnywhereException> Errors { get; } = new();

    public void AttemptStarted(CreateSessionAttemptInfo attempt)
    {
        Interlocked.Increment(ref _started);
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }
    }

    public void AttemptEnded(CreateSessionAttemptInfo attempt, TimeSpan duration, HttpStatusCode? status, string? requestId, SessionCredentials? credentials, RolesAnywhereException? error)
    {
        Interlocked.Decrement(ref _inFlight);
        if (error is not null)
        {
            Errors.Enqueue(error);
        }
    }
}
