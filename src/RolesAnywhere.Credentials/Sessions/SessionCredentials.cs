using System.Globalization;
using Amazon.Runtime;

namespace RolesAnywhere.Credentials.Sessions;

/// <summary>
/// Temporary role credentials from one CreateSession call. <see cref="ToString"/> never shows the secret
/// key or the session token.
/// </summary>
internal sealed class SessionCredentials
{
    /// <summary>
    /// Credentials with no more than this left are not handed out, nor accepted from the service: the AWS SDK's
    /// one-minute expiration buffer (botocore's is similar) plus 10 s to use them.
    /// </summary>
    public static readonly TimeSpan UsableMargin = TimeSpan.FromSeconds(70);

    public SessionCredentials(string accessKeyId, string secretAccessKey, string sessionToken, DateTimeOffset expiration, DateTimeOffset obtained, string? accountId, string? assumedRoleArn, string? subjectArn)
    {
        AccessKeyId = accessKeyId;
        SecretAccessKey = secretAccessKey;
        SessionToken = sessionToken;
        Expiration = expiration.ToUniversalTime();
        Obtained = obtained.ToUniversalTime();
        AccountId = accountId;
        AssumedRoleArn = assumedRoleArn;
        SubjectArn = subjectArn;
        Sdk = new ImmutableCredentials(accessKeyId, secretAccessKey, sessionToken, accountId);
    }

    public string AccessKeyId { get; }

    public string SecretAccessKey { get; }

    public string SessionToken { get; }

    /// <summary>Gets the expiration, always with a zero offset (UTC).</summary>
    public DateTimeOffset Expiration { get; }

    /// <summary>Gets when the service's answer was received, by this machine's clock (IMDS reports it as <c>LastUpdated</c>), in UTC.</summary>
    public DateTimeOffset Obtained { get; }

    /// <summary>Gets the account of the assumed role, from its ARN.</summary>
    public string? AccountId { get; }

    /// <summary>Gets the ARN of the assumed-role session, such as <c>arn:aws:sts::111122223333:assumed-role/Role/Session</c>.</summary>
    public string? AssumedRoleArn { get; }

    /// <summary>Gets the ARN of the Roles Anywhere subject (the certificate) the session belongs to.</summary>
    public string? SubjectArn { get; }

    /// <summary>Gets the same credentials as the AWS SDK's type (account id included, for account-based endpoints); one instance per session.</summary>
    public ImmutableCredentials Sdk { get; }

    /// <summary>Returns the same credentials with another <paramref name="expiration"/>.</summary>
    public SessionCredentials WithExpiration(DateTimeOffset expiration) =>
        new(AccessKeyId, SecretAccessKey, SessionToken, expiration, Obtained, AccountId, AssumedRoleArn, SubjectArn);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Diagnostics.AccessKeyMask.Mask(AccessKeyId)} (role session {AssumedRoleArn ?? "?"}, expires {Expiration:yyyy-MM-ddTHH:mm:ssZ})");
}
