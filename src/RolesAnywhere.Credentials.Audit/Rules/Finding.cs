namespace RolesAnywhere.Credentials.Audit.Rules;

/// <summary>One result of a rule: the event it points at and, in <see cref="RelatedEventIds"/>, the other events behind it.</summary>
internal sealed record Finding
{
    public required string Rule { get; init; }

    public required Severity Severity { get; init; }

    public required DateTimeOffset EventTime { get; init; }

    public required string EventName { get; init; }

    public string? EventId { get; init; }

    public string? SourceIpAddress { get; init; }

    public string? SerialNumber { get; init; }

    public string? Subject { get; init; }

    public string? RoleArn { get; init; }

    public string? TrustAnchorArn { get; init; }

    public required string Message { get; init; }

    public IReadOnlyList<string> RelatedEventIds { get; init; } = [];

    /// <summary>
    /// Calls made with the credentials of the certificate's sessions (and sessions chained from them), in time order,
    /// at most <see cref="MaxLinkedCalls"/>; <see cref="LinkedCallsNotListed"/> counts the rest.
    /// </summary>
    public IReadOnlyList<Sessions.LinkedCall> LinkedCalls { get; init; } = [];

    public long LinkedCallsNotListed { get; init; }

    public const int MaxLinkedCalls = 20;

    /// <summary>The file, S3 object or <c>-</c> the event came from.</summary>
    public string? Input { get; init; }
}
