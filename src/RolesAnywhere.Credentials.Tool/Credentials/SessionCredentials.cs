namespace RolesAnywhere.Credentials.Tool.Credentials;

/// <summary>One set of temporary credentials and when they expire. <see cref="ToString"/> never shows the secrets, and the access key id only masked.</summary>
internal sealed class SessionCredentials
{
    public SessionCredentials(string accessKeyId, string secretAccessKey, string sessionToken, DateTimeOffset expiration, DateTimeOffset obtained)
    {
        AccessKeyId = accessKeyId;
        SecretAccessKey = secretAccessKey;
        SessionToken = sessionToken;
        Expiration = expiration.ToUniversalTime();
        Obtained = obtained.ToUniversalTime();
    }

    public string AccessKeyId { get; }

    public string SecretAccessKey { get; }

    public string SessionToken { get; }

    public DateTimeOffset Expiration { get; }

    /// <summary>When these credentials were obtained (IMDS reports it as <c>LastUpdated</c>).</summary>
    public DateTimeOffset Obtained { get; }

    /// <summary>True when all three parts are present and at least <paramref name="margin"/> of validity remains at <paramref name="now"/>.</summary>
    public bool IsUsable(DateTimeOffset now, TimeSpan margin) =>
        AccessKeyId.Length > 0 && SecretAccessKey.Length > 0 && SessionToken.Length > 0 && Expiration - now > margin;

    public override string ToString() => $"{RolesAnywhere.Credentials.Diagnostics.AccessKeyMask.Mask(AccessKeyId)} (expires {Expiration:O})";
}
