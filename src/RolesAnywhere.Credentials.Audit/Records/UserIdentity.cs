namespace RolesAnywhere.Credentials.Audit.Records;

/// <summary>
/// The <c>userIdentity</c> element: who made the call.
/// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html
/// </summary>
internal sealed class UserIdentity
{
    public static readonly UserIdentity Empty = new();

    /// <summary><c>type</c>: <c>AssumedRole</c>, <c>AWSService</c>, <c>IAMUser</c>, …</summary>
    public string? Type { get; init; }

    /// <summary><c>arn</c>; for role sessions <c>arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION</c>.</summary>
    public string? Arn { get; init; }

    public string? AccessKeyId { get; init; }

    /// <summary><c>invokedBy</c>: the service that made the call on the principal's behalf.</summary>
    public string? InvokedBy { get; init; }

    /// <summary><c>sessionContext.sourceIdentity</c>.</summary>
    public string? SourceIdentity { get; init; }
}
