namespace RolesAnywhere.Credentials.Testing;

/// <summary>Settings of a <see cref="RolesAnywhereEmulator"/>, read once by <see cref="RolesAnywhereEmulator.StartAsync"/>.</summary>
public sealed class RolesAnywhereEmulatorOptions
{
    /// <summary>Gets or sets the region the emulator serves: credential scopes and ARNs must name it.</summary>
    /// <value>Defaults to <c>us-east-1</c>.</value>
    public string Region { get; set; } = "us-east-1";

    /// <summary>Gets or sets the 12-digit account id of the trust anchors, profiles and roles.</summary>
    /// <value>Defaults to <c>111122223333</c>.</value>
    public string AccountId { get; set; } = "111122223333";

    /// <summary>Gets or sets the ARN partition (<c>aws</c>, <c>aws-cn</c>, <c>aws-us-gov</c>).</summary>
    /// <value>Defaults to <see langword="null"/>: inferred from <see cref="Region"/>.</value>
    public string? Partition { get; set; }

    /// <summary>
    /// Gets or sets the emulator's clock: the X-Amz-Date skew, certificate validity and credential expirations
    /// are judged by it. Pass a fake clock to move the server's time in tests.
    /// </summary>
    /// <value>Defaults to <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets how far <c>X-Amz-Date</c> may be from the emulator's clock, either way.</summary>
    /// <value>Defaults to 5 minutes, like the service.</value>
    public TimeSpan AllowedClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Gets the extra <c>Host</c> header values accepted besides the emulator's own <c>127.0.0.1:port</c> and
    /// <c>localhost:port</c> (for example <c>rolesanywhere.eu-west-1.amazonaws.com</c> when replaying a captured request).
    /// </summary>
    public IList<string> AcceptedHosts { get; } = new List<string>();
}
