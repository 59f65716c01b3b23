namespace RolesAnywhere.Credentials.Profiles;

/// <summary>
/// The <c>roles_anywhere_*</c> keys of a shared config profile (<c>~/.aws/config</c>). The prefix keeps
/// them apart from keys the SDK interprets (<c>role_arn</c> would make it treat the profile as assume-role).
/// </summary>
internal static class ProfileKeys
{
    public const string Prefix = "roles_anywhere_";

    public const string TrustAnchorArn = Prefix + "trust_anchor_arn";
    public const string ProfileArn = Prefix + "profile_arn";
    public const string RoleArn = Prefix + "role_arn";
    public const string Certificate = Prefix + "certificate";
    public const string PrivateKey = Prefix + "private_key";
    public const string Intermediates = Prefix + "intermediates";
    public const string PrivateKeyPassword = Prefix + "private_key_password";
    public const string Region = Prefix + "region";
    public const string Endpoint = Prefix + "endpoint";
    public const string SessionDuration = Prefix + "session_duration";
    public const string RoleSessionName = Prefix + "role_session_name";
    public const string UseFipsEndpoint = Prefix + "use_fips_endpoint";
    public const string UseDualStackEndpoint = Prefix + "use_dualstack_endpoint";
    public const string CertSelector = Prefix + "cert_selector";
    public const string SystemStoreName = Prefix + "system_store_name";
    public const string SystemStoreLocation = Prefix + "system_store_location";
    public const string UseLatestExpiringCertificate = Prefix + "use_latest_expiring_certificate";

    public static IReadOnlyList<string> All { get; } =
    [
        TrustAnchorArn, ProfileArn, RoleArn, Certificate, PrivateKey, Intermediates, PrivateKeyPassword,
        Region, Endpoint, SessionDuration, RoleSessionName, UseFipsEndpoint, UseDualStackEndpoint,
        CertSelector, SystemStoreName, SystemStoreLocation, UseLatestExpiringCertificate,
    ];
}
