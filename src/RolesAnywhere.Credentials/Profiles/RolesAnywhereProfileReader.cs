using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.CredentialManagement.Internal;
using RolesAnywhere.Credentials.Configuration;

namespace RolesAnywhere.Credentials.Profiles;

/// <summary>
/// Reads <see cref="RolesAnywhereOptions"/> from the <c>roles_anywhere_*</c> keys of a shared config
/// profile, through the SDK's own profile store (so <c>AWS_CONFIG_FILE</c> and <c>AWS_SHARED_CREDENTIALS_FILE</c> apply).
/// </summary>
internal static class RolesAnywhereProfileReader
{
    /// <summary>Reads and validates the options of <paramref name="profileName"/>.</summary>
    /// <param name="profileName">The profile, as in <c>[profile name]</c>.</param>
    /// <param name="profilesLocation">A shared credentials file whose folder holds the <c>config</c> file, or <see langword="null"/> for the SDK's default locations.</param>
    /// <exception cref="RolesAnywhereConfigurationException">The profile is missing, has no Roles Anywhere settings, or they are invalid (every problem listed).</exception>
    public static RolesAnywhereOptions Read(string profileName, string? profilesLocation = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(profileName);
        if (!TryRead(profileName, profilesLocation, out var options))
        {
            throw new RolesAnywhereConfigurationException(
                $"The shared config profile '{profileName}' was not found or has no {ProfileKeys.Prefix}* settings ({Describe(profilesLocation)}). " +
                $"Add [profile {profileName}] with {ProfileKeys.TrustAnchorArn}, {ProfileKeys.ProfileArn}, {ProfileKeys.RoleArn}, {ProfileKeys.Certificate} and {ProfileKeys.PrivateKey}.");
        }

        var failures = RolesAnywhereOptionsValidator.Collect(options, TimeProvider.System);
        if (failures.Count > 0)
        {
            throw new RolesAnywhereConfigurationException(
                $"The {ProfileKeys.Prefix}* settings of profile '{profileName}' are invalid: " + string.Join(" ", failures));
        }

        return options;
    }

    /// <summary>Reads the options of <paramref name="profileName"/> without validating them.</summary>
    /// <returns><see langword="false"/> when the profile does not exist or has no <c>roles_anywhere_*</c> key.</returns>
    /// <exception cref="RolesAnywhereConfigurationException">A key is unknown or its value malformed.</exception>
    public static bool TryRead(string profileName, string? profilesLocation, out RolesAnywhereOptions options)
    {
        options = new RolesAnywhereOptions();
        var chain = new CredentialProfileStoreChain(profilesLocation);
        if (!chain.TryGetProfile(profileName, out var profile))
        {
            return false;
        }

        var properties = CredentialProfileUtils.GetProperties(profile)
            .Where(p => p.Key.StartsWith(ProfileKeys.Prefix, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(p => p.Key.ToLowerInvariant(), p => p.Value.Trim(), StringComparer.Ordinal);
        if (properties.Count == 0)
        {
            return false;
        }

        var unknown = properties.Keys.Where(k => !ProfileKeys.All.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new RolesAnywhereConfigurationException(
                $"Profile '{profileName}' has unknown key(s) {string.Join(", ", unknown)}: the known keys are {string.Join(", ", ProfileKeys.All)}.");
        }

        options.TrustAnchorArn = Get(properties, ProfileKeys.TrustAnchorArn);
        options.ProfileArn = Get(properties, ProfileKeys.ProfileArn);
        options.RoleArn = Get(properties, ProfileKeys.RoleArn);
        options.CertificatePath = ExpandHome(Get(properties, ProfileKeys.Certificate));
        options.PrivateKeyPath = ExpandHome(Get(properties, ProfileKeys.PrivateKey));
        options.IntermediatesPath = ExpandHome(Get(properties, ProfileKeys.Intermediates));
        options.PrivateKeyPassword = Get(properties, ProfileKeys.PrivateKeyPassword);
        options.Region = Get(properties, ProfileKeys.Region);
        options.RoleSessionName = Get(properties, ProfileKeys.RoleSessionName);
        if (Get(properties, ProfileKeys.Endpoint) is { } endpoint)
        {
            options.Endpoint = Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
                ? uri
                : throw Malformed(profileName, ProfileKeys.Endpoint, endpoint, "an absolute URI such as https://rolesanywhere.eu-west-1.amazonaws.com");
        }

        if (Get(properties, ProfileKeys.SessionDuration) is { } duration)
        {
            options.SessionDuration = int.TryParse(duration, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                ? TimeSpan.FromSeconds(seconds)
                : throw Malformed(profileName, ProfileKeys.SessionDuration, duration, "a number of seconds from 900 to 43200");
        }

        options.UseFipsEndpoint = ReadBoolean(properties, profileName, ProfileKeys.UseFipsEndpoint);
        options.UseDualStackEndpoint = ReadBoolean(properties, profileName, ProfileKeys.UseDualStackEndpoint);

        // The OS certificate store, in the official helper's terms (--cert-selector, --system-store-name, --use-latest-expiring-certificate).
        options.CertificateSelector = Get(properties, ProfileKeys.CertSelector);
        options.CertificateStoreName = Get(properties, ProfileKeys.SystemStoreName);
        options.UseLatestExpiringCertificate = ReadBoolean(properties, profileName, ProfileKeys.UseLatestExpiringCertificate);
        if (Get(properties, ProfileKeys.SystemStoreLocation) is { } location)
        {
            options.CertificateStoreLocation = Enum.TryParse<StoreLocation>(location, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw Malformed(profileName, ProfileKeys.SystemStoreLocation, location, "CurrentUser or LocalMachine");
        }

        return true;
    }

    private static string? Get(Dictionary<string, string> properties, string key) =>
        properties.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    private static bool ReadBoolean(Dictionary<string, string> properties, string profileName, string key) => Get(properties, key) switch
    {
        null => false,
        var value when bool.TryParse(value, out var flag) => flag,
        var value => throw Malformed(profileName, key, value, "true or false"),
    };

    private static RolesAnywhereConfigurationException Malformed(string profileName, string key, string value, string expected) =>
        new($"Profile '{profileName}': {key} = '{value}' is not valid; expected {expected}.");

    private static string? ExpandHome(string? path)
    {
        if (path is null || !(path == "~" || path.StartsWith("~/", StringComparison.Ordinal)))
        {
            return path;
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return path.Length == 1 ? home : Path.Combine(home, path[2..]);
    }

    private static string Describe(string? profilesLocation) => profilesLocation is null
        ? "searched " + (Environment.GetEnvironmentVariable("AWS_CONFIG_FILE") ?? SharedCredentialsFile.DefaultConfigFilePath)
        : "searched the folder of " + profilesLocation;
}
