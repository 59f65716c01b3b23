namespace RolesAnywhere.Credentials.Renewal;

/// <summary>
/// A clock stopped at one instant: an expired pair is loaded (every other check of the loader still runs) as it was at
/// the last moment of its validity, so that it can be renewed.
/// </summary>
internal sealed class FixedTime(DateTimeOffset instant) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => instant;
}
