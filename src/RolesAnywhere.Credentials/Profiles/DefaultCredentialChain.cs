using System.Collections.Concurrent;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using RolesAnywhere.Credentials.Configuration;

namespace RolesAnywhere.Credentials.Profiles;

/// <summary>
/// Puts Roles Anywhere into the SDK's default credential chain (<see cref="AWSConfigs.AWSCredentialsGenerators"/>).
/// Setting that list replaces the SDK's own chain, so the SDK's default providers are listed again around ours:
/// environment variables, web identity, <b>Roles Anywhere profile</b>, other profiles, container, instance profile.
/// </summary>
internal static class DefaultCredentialChain
{
    private static readonly object Gate = new();
    private static readonly ConcurrentDictionary<string, RolesAnywhereAWSCredentials> ByProfile = new(StringComparer.Ordinal);

    /// <summary>Gets a value indicating whether the list in <see cref="AWSConfigs"/> is the one this class installed.</summary>
    public static bool IsRegistered => AWSConfigs.AWSCredentialsGenerators?.Contains(FromCurrentProfile) == true;

    public static void Register()
    {
        lock (Gate)
        {
            if (IsRegistered)
            {
                return;
            }

            AWSConfigs.AWSCredentialsGenerators =
            [
                static () => new EnvironmentVariablesAWSCredentials(),
                static () => AssumeRoleWithWebIdentityCredentials.FromEnvironmentVariables(),
                FromCurrentProfile,
                FromSdkProfile,
                FromContainerOrInstance,
            ];
        }
    }

    /// <summary>Credentials for the profile the SDK would use, when it has <c>roles_anywhere_*</c> keys; otherwise <see langword="null"/>.</summary>
    public static AWSCredentials? FromCurrentProfile()
    {
        var profileName = DefaultAWSCredentialsIdentityResolver.GetProfileName();
        if (!RolesAnywhereProfileReader.TryRead(profileName, profilesLocation: null, out _))
        {
            return null;
        }

        // Re-read on every resolution (the SDK re-resolves when the config file changes); reuse the credentials
        // object while the settings are the same so its cached session survives.
        var options = RolesAnywhereProfileReader.Read(profileName);
        var key = profileName + "\n" + RolesAnywhereSettings.ProfileFingerprint(options);
        return ByProfile.GetOrAdd(key, _ => new RolesAnywhereAWSCredentials(options));
    }

    private static AWSCredentials FromSdkProfile()
    {
        var profileName = DefaultAWSCredentialsIdentityResolver.GetProfileName();
        var chain = new CredentialProfileStoreChain();
        if (chain.TryGetAWSCredentials(profileName, out var credentials))
        {
            return credentials;
        }

        throw new AmazonClientException($"The shared profile '{profileName}' has no credentials the SDK can use.");
    }

    private static AWSCredentials FromContainerOrInstance()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_CONTAINER_CREDENTIALS_FULL_URI")))
        {
            return new GenericContainerCredentials();
        }

        if (string.Equals(Environment.GetEnvironmentVariable("AWS_EC2_METADATA_DISABLED"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new AmazonClientException("The EC2 instance metadata service is disabled (AWS_EC2_METADATA_DISABLED=true).");
        }

        return new InstanceProfileAWSCredentials();
    }
}
