namespace RolesAnywhere.Credentials.Audit.Sessions;

/// <summary>A Roles Anywhere control-plane call that changes trust anchors, CRLs, profiles or their settings.</summary>
internal sealed class ControlPlaneChange
{
    public required DateTimeOffset Time { get; init; }

    public required string EventName { get; init; }

    public string? EventId { get; init; }

    public string? SourceIp { get; init; }

    public string? Actor { get; init; }

    /// <summary>The ARN or id of the trust anchor, profile or CRL, as the record names it.</summary>
    public string? Resource { get; init; }

    public string? TrustAnchorArn { get; init; }

    public string? ErrorCode { get; init; }

    public IReadOnlyList<string> Fields { get; init; } = [];

    /// <summary>For CreateTrustAnchor/UpdateTrustAnchor: <c>source.sourceType</c> (<c>AWS_ACM_PCA</c>, <c>CERTIFICATE_BUNDLE</c>, …).</summary>
    public string? SourceType { get; init; }

    /// <summary>For CreateTrustAnchor/UpdateTrustAnchor: the CA certificate (PEM) of <c>source.sourceData.x509CertificateData</c>.</summary>
    public string? AnchorCertificate { get; init; }

    public string? Input { get; init; }
}
