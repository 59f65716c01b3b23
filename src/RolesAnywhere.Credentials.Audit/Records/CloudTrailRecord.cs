namespace RolesAnywhere.Credentials.Audit.Records;

/// <summary>
/// The fields of one CloudTrail record that the audit uses. Only <c>eventTime</c>, <c>eventSource</c> and
/// <c>eventName</c> are required; everything else may be missing (the record reference marks them optional,
/// or the service does not log them) and unknown fields are ignored.
/// Field names: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
/// </summary>
internal sealed class CloudTrailRecord
{
    public required DateTimeOffset EventTime { get; init; }

    public required string EventSource { get; init; }

    public required string EventName { get; init; }

    public string? EventId { get; init; }

    public string? AwsRegion { get; init; }

    /// <summary>The caller's IP address; for calls an AWS service makes on the caller's behalf, the service's DNS name.</summary>
    public string? SourceIpAddress { get; init; }

    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    public string? RecipientAccountId { get; init; }

    public UserIdentity Identity { get; init; } = UserIdentity.Empty;

    /// <summary>Selected <c>requestParameters</c> (only read for Roles Anywhere and STS events).</summary>
    public RecordParameters Request { get; init; } = RecordParameters.Empty;

    /// <summary>Selected <c>responseElements</c> (only read for Roles Anywhere and STS events).</summary>
    public RecordParameters Response { get; init; } = RecordParameters.Empty;

    /// <summary>Selected <c>additionalEventData</c> (only read for Roles Anywhere and STS events).</summary>
    public RecordParameters Additional { get; init; } = RecordParameters.Empty;

    public bool Failed => ErrorCode is not null;
}
