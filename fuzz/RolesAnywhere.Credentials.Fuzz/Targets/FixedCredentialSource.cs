using RolesAnywhere.Credentials.Tool.Credentials;

namespace RolesAnywhere.Credentials.Fuzz.Targets;

/// <summary>Credentials valid for an hour whose secret parts are recognisable in any output.</summary>
internal sealed class FixedCredentialSource : ICredentialSource
{
    public const string AccessKeyId = "ASIAFUZZ000000000001";
    public const string SecretAccessKey = "FUZZSECRETFUZZSECRET";
    public const string SessionToken = "FUZZSESSIONTOKEN";

    public int Calls { get; private set; }

    public Task<SessionCredentials> FetchAsync(CancellationToken cancellationToken)
    {
        Calls++;
        var now = DateTimeOffset.UtcNow;
        return Task.FromResult(new SessionCredentials(AccessKeyId, SecretAccessKey, SessionToken, now.AddHours(1), now));
    }
}
