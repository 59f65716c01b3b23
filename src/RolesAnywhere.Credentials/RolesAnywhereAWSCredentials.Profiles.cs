using Amazon;
using RolesAnywhere.Credentials.Profiles;

namespace RolesAnywhere.Credentials;

/// <content>Shared config profiles and the SDK's default credential chain.</content>
public sealed partial class RolesAnywhereAWSCredentials
{
    /// <summary>
    /// Creates credentials from the <c>roles_anywhere_*</c> keys of a shared config profile
    /// (<c>~/.aws/config</c>, or the file <c>AWS_CONFIG_FILE</c> names): <c>roles_anywhere_trust_anchor_arn</c>,
    /// <c>roles_anywhere_profile_arn</c>, <c>roles_anywhere_role_arn</c>, <c>roles_anywhere_certificate</c>,
    /// <c>roles_anywhere_private_key</c> and optionally <c>roles_anywhere_intermediates</c>,
    /// <c>roles_anywhere_private_key_password</c>, <c>roles_anywhere_region</c>, <c>roles_anywhere_endpoint</c>,
    /// <c>roles_anywhere_session_duration</c> (seconds), <c>roles_anywhere_role_session_name</c>,
    /// <c>roles_anywhere_use_fips_endpoint</c> and <c>roles_anywhere_use_dualstack_endpoint</c>.
    /// </summary>
    /// <param name="profileName">The profile, as in <c>[profile name]</c>.</param>
    /// <param name="profilesLocation">
    /// A shared credentials file whose folder also holds the <c>config</c> file to read, or <see langword="null"/>
    /// (the default) for the SDK's usual locations.
    /// </param>
    /// <returns>The credentials; dispose them when done.</returns>
    /// <exception cref="ArgumentException"><paramref name="profileName"/> is empty.</exception>
    /// <exception cref="RolesAnywhereConfigurationException">
    /// The profile does not exist, has no <c>roles_anywhere_*</c> keys, has an unknown or malformed key, or its
    /// settings are invalid (every problem is listed).
    /// </exception>
    public static RolesAnywhereAWSCredentials FromProfile(string profileName, string? profilesLocation = null) =>
        new(RolesAnywhereProfileReader.Read(profileName, profilesLocation));

    /// <summary>
    /// Puts Roles Anywhere into the AWS SDK's default credential chain (<see cref="AWSConfigs.AWSCredentialsGenerators"/>),
    /// so that clients made without credentials (<c>new AmazonS3Client()</c>) use the profile named by
    /// <c>AWS_PROFILE</c> when it has <c>roles_anywhere_*</c> keys. The SDK's own providers keep working in their usual
    /// order: environment variables, web identity, then the profile (Roles Anywhere first), container and instance
    /// credentials. Call it once at start-up; later calls do nothing.
    /// </summary>
    public static void RegisterInDefaultCredentialChain() => DefaultCredentialChain.Register();
}
