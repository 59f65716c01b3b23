using RolesAnywhere.Credentials.Configuration;
using RolesAnywhere.Credentials.KeySources.CertificateStore;
using RolesAnywhere.Credentials.Tool.Keys;

namespace RolesAnywhere.Credentials.Tool.Cli;

/// <summary>
/// The flags several commands share, with their help. The flags of library settings take their name and kind from the
/// library's settings descriptor (<see cref="RolesAnywhereSettings.All"/>); only the help text is the tool's.
/// </summary>
internal static class SharedFlags
{
    /// <summary>The help of each library setting that has a tool flag: the placeholder of its value and what it means.</summary>
    private static readonly Dictionary<string, (string ValueName, string Description, object? Default)> SettingHelp = new(StringComparer.Ordinal)
    {
        [nameof(RolesAnywhereOptions.TrustAnchorArn)] = ("arn", "ARN of the trust anchor that vouches for the certificate (arn:aws:rolesanywhere:REGION:ACCOUNT:trust-anchor/ID).", null),
        [nameof(RolesAnywhereOptions.ProfileArn)] = ("arn", "ARN of the Roles Anywhere profile (arn:aws:rolesanywhere:REGION:ACCOUNT:profile/ID).", null),
        [nameof(RolesAnywhereOptions.RoleArn)] = ("arn", "ARN of the IAM role to assume; the profile must list it.", null),
        [nameof(RolesAnywhereOptions.CertificatePath)] = ("file|uri", "The certificate: a PEM, DER or PKCS#12 file (a combined certificate+key PEM too), or a pkcs11: URI.", null),
        [nameof(RolesAnywhereOptions.PrivateKeyPath)] = ("file|uri", "The private key: a PEM, DER or PKCS#12 file, a pkcs11: URI, or a TPM 2.0 key handle:0x81000001.", null),
        [nameof(RolesAnywhereOptions.IntermediatesPath)] = ("file", "PEM or DER file with the intermediate CA certificates sent with the certificate.", null),
        [nameof(RolesAnywhereOptions.PrivateKeyPassword)] = ("password", "Password of an encrypted PKCS#8 key or PKCS#12 file.", null),
        [nameof(RolesAnywhereOptions.Region)] = ("region", "AWS region to call (default: the trust anchor ARN's region).", null),
        [nameof(RolesAnywhereOptions.Endpoint)] = ("url", "Roles Anywhere endpoint to call instead of https://rolesanywhere.REGION.amazonaws.com (https:// is added when no scheme is given).", null),
        [nameof(RolesAnywhereOptions.SessionDuration)] = ("seconds", $"Lifetime of the credentials, {SessionArguments.MinSessionDurationSeconds} to {SessionArguments.MaxSessionDurationSeconds} seconds (the profile may allow less).", SessionArguments.DefaultSessionDurationSeconds),
        [nameof(RolesAnywhereOptions.RoleSessionName)] = ("name", "Role session name (2-64 characters of letters, digits and +=,.@-); the profile must accept role session names.", null),
        [nameof(RolesAnywhereOptions.CertificateSelector)] = ("selector", "Picks the certificate from the OS certificate store: Key=x509Subject|x509Issuer|x509Serial,Value=... (several separated by spaces), or file://selector.json.", null),
        [nameof(RolesAnywhereOptions.CertificateStoreName)] = ("name", "OS certificate store to search (.NET's CurrentUser store on Linux).", CertificateStoreKeySource.DefaultStoreName),
        [nameof(RolesAnywhereOptions.UseLatestExpiringCertificate)] = ("", "When several store certificates match, use the one that expires last (else several matches are an error).", null),
    };

    public static FlagDefinition TrustAnchorArn { get; } = Of(RolesAnywhereSettings.TrustAnchorArn);

    public static FlagDefinition ProfileArn { get; } = Of(RolesAnywhereSettings.ProfileArn);

    public static FlagDefinition RoleArn { get; } = Of(RolesAnywhereSettings.RoleArn);

    public static FlagDefinition Certificate { get; } = Of(RolesAnywhereSettings.CertificatePath);

    public static FlagDefinition PrivateKey { get; } = Of(RolesAnywhereSettings.PrivateKeyPath);

    public static FlagDefinition Intermediates { get; } = Of(RolesAnywhereSettings.IntermediatesPath);

    public static FlagDefinition Pkcs8Password { get; } = Of(RolesAnywhereSettings.PrivateKeyPassword);

    public static FlagDefinition Region { get; } = Of(RolesAnywhereSettings.Region);

    public static FlagDefinition Endpoint { get; } = Of(RolesAnywhereSettings.Endpoint);

    public static FlagDefinition SessionDuration { get; } = Of(RolesAnywhereSettings.SessionDuration);

    public static FlagDefinition RoleSessionName { get; } = Of(RolesAnywhereSettings.RoleSessionName);

    public static FlagDefinition CertSelector { get; } = Of(RolesAnywhereSettings.CertificateSelector);

    public static FlagDefinition SystemStoreName { get; } = Of(RolesAnywhereSettings.CertificateStoreName);

    public static FlagDefinition UseLatestExpiringCertificate { get; } = Of(RolesAnywhereSettings.UseLatestExpiringCertificate);

    public static FlagDefinition Pkcs11Lib { get; } = FlagDefinition.Value(Flags.Pkcs11Lib, "file", "PKCS#11 module to load when the pkcs11: URI has no module-path.", Pkcs11Support.DefaultModule);

    public static FlagDefinition ReusePin { get; } = FlagDefinition.Switch(Flags.ReusePin, "Log in again with the URI's PIN for keys that ask for it at every use (CKA_ALWAYS_AUTHENTICATE).");

    public static FlagDefinition NoVerifySsl { get; } = FlagDefinition.Switch(Flags.NoVerifySsl, "Do not verify the endpoint's TLS certificate (for test endpoints only).");

    public static FlagDefinition WithProxy { get; } = FlagDefinition.Switch(Flags.WithProxy, "Call through the proxy of HTTPS_PROXY/HTTP_PROXY/NO_PROXY (without it, no proxy is used).");

    public static FlagDefinition Debug { get; } = FlagDefinition.Switch(Flags.Debug, "Trace each step on stderr (access key ids shortened to their last 4 characters, secrets never shown).");

    public static FlagDefinition TpmKeyPassword { get; } = FlagDefinition.Value(Flags.TpmKeyPassword, "password", "Accepted for compatibility and refused with an explanation: TPM keys are opened without a key password.");

    public static FlagDefinition NoTpmKeyPassword { get; } = FlagDefinition.Switch(Flags.NoTpmKeyPassword, "The TPM key has no password (what rolesanywhere always assumes).");

    /// <summary>
    /// The flags of the commands that call CreateSession: one per library setting the official helper has a flag for
    /// (from the library's one list of settings, so a new setting gets its flag there), then the tool's own.
    /// </summary>
    public static IReadOnlyList<FlagDefinition> Session { get; } =
    [
        .. RolesAnywhereSettings.All.Where(s => s.ToolFlag is not null).Select(Of)
            .Select(f => f.Name is Flags.TrustAnchorArn or Flags.ProfileArn or Flags.RoleArn ? f.AsRequired() : f),
        Pkcs11Lib, ReusePin, NoVerifySsl, WithProxy, Debug, TpmKeyPassword, NoTpmKeyPassword,
    ];

    /// <summary>The flag of a library setting: its name and kind from the descriptor, its help from <see cref="SettingHelp"/>.</summary>
    private static FlagDefinition Of(RolesAnywhereSetting setting)
    {
        var flag = setting.ToolFlag ?? throw new InvalidOperationException($"The setting {setting.Name} has no tool flag.");
        if (!SettingHelp.TryGetValue(setting.Name, out var help))
        {
            throw new InvalidOperationException($"The setting {setting.Name} has the tool flag --{flag} but no help text in {nameof(SharedFlags)}.");
        }

        return setting.Kind == SettingKind.Boolean
            ? FlagDefinition.Switch(flag, help.Description)
            : FlagDefinition.Value(flag, help.ValueName, help.Description, help.Default);
    }
}
