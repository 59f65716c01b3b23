namespace RolesAnywhere.Credentials.Audit.Sessions;

/// <summary>
/// The STS <c>AssumeRole</c> that Roles Anywhere makes on the workload's behalf (<c>userIdentity.invokedBy</c> or
/// <c>sourceIPAddress</c> = <c>rolesanywhere.amazonaws.com</c>): its role session name is the certificate's hex
/// serial and its source identity the subject's CN. Its source address is the service's name, never the workload's.
/// </summary>
internal sealed class ServiceAssumeRole
{
    public required DateTimeOffset Time { get; init; }

    public string? EventId { get; init; }

    public string? RoleArn { get; init; }

    public string? RoleSessionName { get; init; }

    public string? SourceIdentity { get; init; }

    public string? AccessKeyId { get; init; }
}
