using RolesAnywhere.Credentials.Authorization.Certificates;

namespace RolesAnywhere.Credentials.Audit.Sessions;

/// <summary>
/// A role session as CloudTrail names it in <c>userIdentity.arn</c> (<c>arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION</c>),
/// with the session name normalised like a serial when it is one (hex, any case, leading zeros).
/// </summary>
internal readonly record struct RoleSessionKey(string Account, string RoleName, string SessionName)
{
    /// <summary>From <c>arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION</c> (any partition).</summary>
    public static bool TryFromAssumedRoleArn(string? arn, out RoleSessionKey key)
    {
        key = default;
        if (arn is null || !TryAccountAndResource(arn, out var account, out var resource) || !resource.StartsWith("assumed-role/", StringComparison.Ordinal))
        {
            return false;
        }

        var rest = resource["assumed-role/".Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == rest.Length - 1)
        {
            return false;
        }

        key = new RoleSessionKey(account, rest[..slash], Normalize(rest[(slash + 1)..]));
        return true;
    }

    /// <summary>From a role ARN (<c>arn:aws:iam::ACCOUNT:role/PATH/NAME</c>) and a session name.</summary>
    public static bool TryFromRole(string? roleArn, string sessionName, out RoleSessionKey key)
    {
        key = default;
        if (roleArn is null || !TryAccountAndResource(roleArn, out var account, out var resource) || !resource.StartsWith("role/", StringComparison.Ordinal))
        {
            return false;
        }

        key = new RoleSessionKey(account, resource[(resource.LastIndexOf('/') + 1)..], Normalize(sessionName));
        return true;
    }

    private static string Normalize(string sessionName) =>
        CertificateSerialNumber.TryParse(sessionName, out var serial) && !sessionName.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? serial.ToString() : sessionName;

    private static bool TryAccountAndResource(string arn, out string account, out string resource)
    {
        // arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE
        var parts = arn.Split(':', 6);
        account = parts.Length == 6 ? parts[4] : string.Empty;
        resource = parts.Length == 6 ? parts[5] : string.Empty;
        return parts.Length == 6 && parts[0] == "arn";
    }
}
