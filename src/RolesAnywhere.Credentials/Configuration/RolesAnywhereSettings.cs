namespace RolesAnywhere.Credentials.Configuration;

/// <summary>
/// The settings of <see cref="RolesAnywhereOptions"/> that can be given as text, each with its configuration key,
/// shared config profile key and command-line flag: the one list that configuration binding, the profile reader,
/// the tool's flags and the profile fingerprint read. Settings that hold objects (<c>Certificate</c>,
/// <c>SigningKey</c>, <c>Proxy</c>, …) are set in code only.
/// </summary>
internal static class RolesAnywhereSettings
{
    /// <summary>The prefix of every profile key; it keeps them apart from keys the SDK interprets (<c>role_arn</c> would make it treat the profile as assume-role).</summary>
    public const string ProfilePrefix = "roles_anywhere_";

    public static readonly RolesAnywhereSetting TrustAnchorArn = RolesAnywhereSetting.Of(nameof(RolesAnywhereOptions.TrustAnchorArn), SettingKind.Text, "trust_anchor_arn", "trust-anchor-arn", o => o.TrustAnchorArn, (o, v) => o.TrustAnchorArn = v);
    public static readonly RolesAnywhereSetting ProfileArn = RolesAnywhereSetting.Of(nameof(RolesAnywhereOptions.ProfileArn), SettingKind.Text, "profile_arn", "profile-arn", o => o.ProfileArn, (o, v) => o.ProfileArn = v);
    public static readonly RolesAnywhereSetting RoleArn = RolesAnywhereSetting.Of(nameof(RolesAnywhereOptions.RoleArn), SettingKind.Text, "role_arn", "role-arn", o => o.RoleArn, (o, v) => o.RoleArn = v);
    public static readonly RolesAnywhereSetting CertificatePath = RolesAnywhereSetting.Of(nameof(RolesAnywhereOptions.CertificatePath), SettingKind.Path, "certificate", "certificate", o => o.CertificatePath, (o, v) => o.CertificatePath = v);
    public static readonly RolesAnywhereSetting PrivateKeyPath = RolesAnywhereSetting.Of(nameof(RolesAnywhereOptions.PrivateKeyPath), SettingKind.Path, "private_key", "private-key", o => o.PrivateKeyPath, (o, v) => o.PrivateKeyPath = v);
    public static readonly RolesAnywhereSetting IntermediatesPath = RolesAnywhereSetting.Of(nameof(RolesAnywhereOptions.IntermediatesPath), SettingKind.Path, "intermediates", "intermediates", o => o.IntermediatesPath, (o, v) => o.IntermediatesPath = v);
    public static readonly RolesAnywhereSetting PrivateKeyPassword = RolesAnywhereSetting.Of(nameof(RolesAnywhereOptions.PrivateKeyPassword), SettingKind.Text, "private_key_password", "pkcs8-password", o => o.PrivateKeyPassword, (o, v) => o.PrivateKeyPassword = v);
    public static readonly RolesAnywhereSetting CertificateData = RolesAnywhereSetting.Of(nameof(RolesAnywhereOptions.CertificateData), SettingKind.Text, null, null, o => o.CertificateData, (o, v) => o.CertificateData = v);
    public static readonly RolesAnywhereSetting PrivateKeyData = RolesAnywhereSetting.Of(nameof(RolesAnywhereOptions.PrivateKeyData), SettingKind.Text, null, null, o => o.PrivateKeyData, (o, v) => o.PrivateKeyData = v);
    public static readonly RolesAnywhereSetting IntermediatesData = RolesAnywhereSetting.Of(nameof(RolesAnywhereOptions.IntermediatesData), SettingKind.Text, null, null, o => o.IntermediatesData, (o, v) => o.IntermediatesData = v);
    public static readonly RolesAnywhereSetting Region = RolesAnywhereSetting.Of(nameof(RolesAnywhereOptions.Region), SettingKind.Text, "region", "region", o => o.Region, (o, v) => o.Region = v);
    public static readonly RolesAnywhereSetting Endpoint = RolesAnywhereSetting.Of(nameof(RolesAnywhereOptions.Endpoint), SettingKind.Uri, "endpoint", "endpoint", o => o.Endpoint, (o, v) => o.Endpoint = v);
    public static readonly RolesAnywhereSetting UseFipsEndpoint = RolesAnywhereSetting.Of(nameof(RolesAnywhereOptions.UseFipsEndpoint), SettingKind.Boolean, "use_fips_endpoint", null, o => o.UseFipsEndpoint, (o, v) => o.UseFipsEndpoint = v);
    public static readonly RolesAnywhereSetting UseDualStackEndpoint = RolesAnywhereSetting.Of(nameof(RolesAnywhereOptions.UseDualStackEndpoint), SettingKind.Boolean, "use_dualstack_endpoint", null, o => o.UseDualStackEndpoint, (o, v) => o.UseDualStackEndpoint = v);
    public static readonly RolesAnywhereSetting SessionDuration = RolesAnywhereSetting.Of(nameof(RolesAnywhereOptions.SessionDuration), SettingKind.Duration, "session_duration", "session-duration", o => o.SessionDuration, (o, v) => o.SessionDuration = v, profileExpected: "a number of seconds from 900 to 43200");
    public static readonly RolesAnywhereSetting RoleSessionName = RolesAnywhereSetting.Of(nameof(RolesAnywhereOptions.RoleSessionName), SettingKind.Text, "role_session_name", "role-session-name", o => o.RoleSessionName, (o, v) => o.RoleSessionName = v);
    public static readonly RolesAnywhereSetting HttpTimeout = RolesAnywhereSetting.Of(nameof(RolesAnywhereOptions.HttpTimeout), SettingKind.Duration, null, null, o => o.HttpTimeout, (o, v) => o.HttpTimeout = v);
    public static readonly RolesAnywhereSetting RefreshTimeout = RolesAnywhereSetting.Of(nameof(RolesAnywhereOptions.RefreshTimeout), SettingKind.Duration, null, null, o => o.RefreshTimeout, (o, v) => o.RefreshTimeout = v);
    public static readonly RolesAnywhereSetting MaxRetries = RolesAnywhereSetting.Of(nameof(RolesAnywhereOptions.MaxRetries), SettingKind.Int32, null, null, o => o.MaxRetries, (o, v) => o.MaxRetries = v);
    public static readonly RolesAnywhereSetting CertificateSelector = RolesAnywhereSetting.Of(nameof(RolesAnywhereOptions.CertificateSelector), SettingKind.Text, "cert_selector", "cert-selector", o => o.CertificateSelector, (o, v) => o.CertificateSelector = v);
    public static readonly RolesAnywhereSetting CertificateStoreName = RolesAnywhereSetting.Of(nameof(RolesAnywhereOptions.CertificateStoreName), SettingKind.Text, "system_store_name", "system-store-name", o => o.CertificateStoreName, (o, v) => o.CertificateStoreName = v);
    public static readonly RolesAnywhereSetting CertificateStoreLocation = RolesAnywhereSetting.Of(nameof(RolesAnywhereOptions.CertificateStoreLocation), SettingKind.StoreLocation, "system_store_location", null, o => o.CertificateStoreLocation, (o, v) => o.CertificateStoreLocation = v);
    public static readonly RolesAnywhereSetting UseLatestExpiringCertificate = RolesAnywhereSetting.Of(nameof(RolesAnywhereOptions.UseLatestExpiringCertificate), SettingKind.Boolean, "use_latest_expiring_certificate", "use-latest-expiring-certificate", o => o.UseLatestExpiringCertificate, (o, v) => o.UseLatestExpiringCertificate = v);

    /// <summary>Gets every setting, in the order messages list them.</summary>
    public static IReadOnlyList<RolesAnywhereSetting> All { get; } =
    [
        TrustAnchorArn, ProfileArn, RoleArn, CertificatePath, PrivateKeyPath, IntermediatesPath, PrivateKeyPassword,
        CertificateData, PrivateKeyData, IntermediatesData, Region, Endpoint, UseFipsEndpoint, UseDualStackEndpoint,
        SessionDuration, RoleSessionName, HttpTimeout, RefreshTimeout, MaxRetries,
        CertificateSelector, CertificateStoreName, CertificateStoreLocation, UseLatestExpiringCertificate,
    ];

    /// <summary>Gets the settings a shared config profile can hold.</summary>
    public static IReadOnlyList<RolesAnywhereSetting> InProfiles { get; } = All.Where(s => s.ProfileKey is not null).ToArray();

    /// <summary>Gets the setting whose configuration key is <paramref name="key"/> (any case), or <see langword="null"/>.</summary>
    public static RolesAnywhereSetting? ByName(string key) => All.FirstOrDefault(s => string.Equals(s.Name, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>Gets the setting whose profile key is <paramref name="key"/> (lower case), or <see langword="null"/>.</summary>
    public static RolesAnywhereSetting? ByProfileKey(string key) => InProfiles.FirstOrDefault(s => string.Equals(s.ProfileKey, key, StringComparison.Ordinal));

    /// <summary>
    /// Gets a text that changes whenever a profile-held setting of <paramref name="options"/> changes: credentials made
    /// from a profile are reused only while it is the same.
    /// </summary>
    public static string ProfileFingerprint(RolesAnywhereOptions options) =>
        string.Join("\n", InProfiles.Select(s => s.Format(options)));
}
