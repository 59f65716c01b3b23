using RolesAnywhere.Credentials.Sessions;
using RolesAnywhere.Credentials.Tool.Credentials;

namespace RolesAnywhere.Credentials.Tool.Tests.Support;

/// <summary>
/// Stands in for CreateSession where the test is about what the tool does with sessions (caching,
/// serving, refreshing), not about obtaining them: counts calls, can fail on demand, can be slow.
/// </summary>
internal sealed class ScriptedCredentialSource : ISessionSource
{
    private readonly TimeProvider time;
    private int calls;

    public ScriptedCredentialSource(TimeProvider time, TimeSpan? lifetime = null)
    {
        this.time = time;
        Lifetime = lifetime ?? TimeSpan.FromHours(1);
    }

    public TimeSpan Lifetime { get; set; }

    public int Calls => Volatile.Read(ref calls);

    public Exception? FailWith { get; set; }

    public TimeSpan Delay { get; set; }

    /// <summary>One session, asynchronously (what the credential cache is handed).</summary>
    public Task<SessionCredentials> FetchAsync(CancellationToken cancellationToken) => CreateSessionAsync(async: true, cancellationToken).AsTask();

    public async ValueTask<SessionCredentials> CreateSessionAsync(bool async, CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref calls);
        if (Delay > TimeSpan.Zero)
        {
            if (async)
            {
                await Task.Delay(Delay, cancellationToken);
            }
            else
            {
                // The refresh core's own thread calls the synchronous path, which must be complete when it returns.
                Thread.Sleep(Delay);
            }
        }

        if (FailWith is { } failure)
        {
            throw failure;
        }

        var now = time.GetUtcNow();
        return new SessionCredentials($"ASIATEST{n:D12}", $"secret-{n}-{Guid.NewGuid():N}", $"token-{n}-{Guid.NewGuid():N}", now + Lifetime, now, accountId: null, assumedRoleArn: null, subjectArn: null);
    }
}
