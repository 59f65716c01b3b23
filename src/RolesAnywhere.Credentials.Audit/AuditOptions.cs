using RolesAnywhere.Credentials.Audit.Settings;

namespace RolesAnywhere.Credentials.Audit;

/// <summary>What to read and which rules to arm: a rule whose setting is missing (no CIDRs, no serial list…) does not run.</summary>
internal sealed class AuditOptions
{
    /// <summary>Files, directories, <c>-</c> (standard input) or <c>s3://bucket/prefix</c>.</summary>
    public required IReadOnlyList<string> Inputs { get; init; }

    public DateTimeOffset? Since { get; init; }

    public DateTimeOffset? Until { get; init; }

    public AllowedNetworks? AllowedNetworks { get; init; }

    public KnownSerials? KnownSerials { get; init; }

    public RevocationList? Revocations { get; init; }

    public BusinessHours? BusinessHours { get; init; }

    public FailureBurst FailureBurst { get; init; } = FailureBurst.Default;

    /// <summary>
    /// Report on what could be read when an input is truncated, empty or not CloudTrail (<c>--allow-partial</c>);
    /// without it such a run fails (exit 2) instead of reporting "no findings" for logs it did not read.
    /// </summary>
    public bool AllowPartial { get; init; }

    /// <summary>Region of the S3 client for <c>s3://</c> inputs (else the SDK's default resolution).</summary>
    public string? S3Region { get; init; }

    /// <summary>Endpoint of the S3 client (path-style addressing), for S3-compatible stores and tests.</summary>
    public Uri? S3Endpoint { get; init; }
}
