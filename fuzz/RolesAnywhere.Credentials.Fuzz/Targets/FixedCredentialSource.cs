using RolesAnywhere.Credentials.Sessions;

namespace RolesAnywhere.Credentials.Fuzz.Targets;

/// <summary>Credentials valid for an hour whose secret parts are recognisable in any output.</summary>
internal sealed class FixedCredentialSource : ISessionSource
{
    public const string AccessKeyId = "ASIAFUZZ000000000001";
    public const string SecretAccessKey = "FUZZSECRETFUZZSECRET";
    public const string SessionToken = "FUZZSESSIONTOKEN";

    public int Calls { get; private set; }

    /// <summary>One session, asynchronously (what the credential cache is handed).</summary>
    public Task<SessionCredentials> FetchAsync(CancellationToken cancellationToken) => CreateSessionAsync(async: true, cancellationToken).AsTask();

    public ValueTask<SessionCredentials> CreateSessionAsync(bool async, CancellationToken cancellationToken)
    {
        Calls++;
        var now = TimeProvider.System.GetUtcNow();
        return ValueTask.FromResult(new SessionCredentials(AccessKeyId, SecretAccessKey, SessionToken, now.AddHours(1), now, accountId: null, assumedRoleArn: null, subjectArn: null));
    }
}
