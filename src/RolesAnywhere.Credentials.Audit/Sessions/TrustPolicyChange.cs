namespace RolesAnywhere.Credentials.Audit.Sessions;

/// <summary>
/// An IAM <c>CreateRole</c> (<c>assumeRolePolicyDocument</c>) or <c>UpdateAssumeRolePolicy</c> (<c>policyDocument</c>)
/// whose trust policy mentions Roles Anywhere; the records carry the policy as the caller sent it
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-integration.html).
/// </summary>
internal sealed class TrustPolicyChange
{
    public required DateTimeOffset Time { get; init; }

    public required string EventName { get; init; }

    public string? EventId { get; init; }

    public string? SourceIp { get; init; }

    public string? Actor { get; init; }

    public string? RoleName { get; init; }

    public string? RoleArn { get; init; }

    public required string PolicyDocument { get; init; }

    public string? ErrorCode { get; init; }

    public string? Input { get; init; }
}
