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
                $"The shared config profile '{profileName}' was not found or has no {RolesAnywhereSettings.ProfilePrefix}* settings ({Describe(profilesLocation)}). " +
                $"Add [profile {profileName}] with {RolesAnywhereSettings.TrustAnchorArn.ProfileKey}, {RolesAnywhereSettings.ProfileArn.ProfileKey}, {RolesAnywhereSettings.RoleArn.ProfileKey}, {RolesAnywhereSettings.CertificatePath.ProfileKey} and {RolesAnywhereSettings.PrivateKeyPath.ProfileKey}.");
        }

        var failures = RolesAnywhereOptionsValidator.Collect(options);
        if (failures.Count > 0)
        {
            throw new RolesAnywhereConfigurationException(
                $"The {RolesAnywhereSettings.ProfilePrefix}* settings of profile '{profileName}' are invalid: " + string.Join(" ", failures));
        }

        return options;
    }

    /// <summary>Reads the options of <paramref name="profileName"/> without validating them.</summary>
    /// <returns><see langword="false"/> when the profile does not exist or has no <c>roles_anywhere_*</c> key.</returns>
    /// <exception cref="RolesAnywhereConfigurationException">Keys are unknown or values malformed (every one is listed).</exception>
    public static bool TryRead(string profileName, string? profilesLocation, out RolesAnywhereOptions options)
    {
        options = new RolesAnywhereOptions();
        var chain = new CredentialProfileStoreChain(profilesLocation);
        if (!chain.TryGetProfile(profileName, out var profile))
        {
            return false;
        }

        var properties = CredentialProfileUtils.GetProperties(profile)
            .Where(p => p.Key.StartsWith(RolesAnywhereSettings.ProfilePrefix, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(p => p.Key.ToLowerInvariant(), p => p.Value.Trim(), StringComparer.Ordinal);
        if (properties.Count == 0)
        {
            return false;
        }

        var failures = new List<string>();
        var unknown = properties.Keys.Where(k => RolesAnywhereSettings.ByProfileKey(k) is null).ToList();
        if (unknown.Count > 0)
        {
            failures.Add($"Profile '{profileName}' has unknown key(s) {string.Join(", ", unknown)}: the known keys are {string.Join(", ", RolesAnywhereSettings.InProfiles.Select(s => s.ProfileKey))}.");
        }

        foreach (var setting in RolesAnywhereSettings.InProfiles)
        {
            if (properties.TryGetValue(setting.ProfileKey!, out var value) && value.Length > 0 && !setting.TryApply(options, value, SettingSyntax.Profile))
            {
                failures.Add($"Profile '{profileName}': {setting.ProfileKey} = '{value}' is not valid; expected {setting.Expected(SettingSyntax.Profile)}.");
            }
        }

        if (failures.Count > 0)
        {
            throw new RolesAnywhereConfigurationException(string.Join(" ", failures));
        }

        return true;
    }

    private static string Describe(string? profilesLocation) => profilesLocation is null
        ? "searched " + (Environment.GetEnvironmentVariable("AWS_CONFIG_FILE") ?? SharedCredentialsFile.DefaultConfigFilePath)
        : "searched the folder of " + profilesLocation;
}
