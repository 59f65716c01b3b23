using RolesAnywhere.Credentials.Authorization.Identity;

namespace RolesAnywhere.Credentials.Testing;

/// <summary>A Roles Anywhere profile as the emulator enforces it: which roles it may vend, for how long, and whether callers may name the session.</summary>
public sealed class EmulatorProfile
{
    private AttributeMapping? _mapping;

    /// <summary>Gets the role ARNs this profile may assume (<c>arn:aws:iam::{account}:role/{name}</c>).</summary>
    public IReadOnlyList<string> RoleArns { get; init; } = [];

    /// <summary>Gets the longest session this profile grants; a longer <c>durationSeconds</c> is refused.</summary>
    /// <value>Defaults to 12 hours (the service maximum).</value>
    public TimeSpan MaxSessionDuration { get; init; } = TimeSpan.FromHours(12);

    /// <summary>Gets a value indicating whether a request may set <c>roleSessionName</c> (the profile's <c>acceptRoleSessionName</c>).</summary>
    /// <value>Defaults to <see langword="false"/>, like the service.</value>
    public bool AcceptRoleSessionName { get; init; }

    /// <summary>Gets a value indicating whether the profile is enabled; a disabled profile refuses every request.</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool Enabled { get; init; } = true;

    /// <summary>
    /// Gets the profile's certificate attribute mapping as JSON: the output of <c>aws rolesanywhere get-profile</c>, an object
    /// with <c>attributeMappings</c>, or the bare array. It decides which principal tags a session carries, which a role's
    /// trust policy (<see cref="RolesAnywhereEmulator.SetTrustPolicy"/>) can test.
    /// </summary>
    /// <value>Defaults to <see langword="null"/>: the default mapping of a new profile (every supported subject and issuer RDN, the first DNS name, URI and directory name).</value>
    public string? AttributeMappingsJson { get; init; }

    /// <summary>The parsed mapping (validated when the profile is added, so it cannot throw while serving).</summary>
    internal AttributeMapping Mapping => _mapping ??= AttributeMappingsJson is null ? AttributeMapping.Default : AttributeMapping.Parse(AttributeMappingsJson);
}
