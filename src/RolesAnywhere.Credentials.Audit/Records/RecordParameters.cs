namespace RolesAnywhere.Credentials.Audit.Records;

/// <summary>
/// The string fields the audit looks for in <c>requestParameters</c>, <c>responseElements</c> or
/// <c>additionalEventData</c>, found at any depth (first occurrence wins), plus the names of the top-level
/// fields present (what a control-plane call changed).
/// </summary>
internal sealed class RecordParameters
{
    public static readonly RecordParameters Empty = new();

    public string? RoleArn { get; set; }

    public string? ProfileArn { get; set; }

    public string? TrustAnchorArn { get; set; }

    public string? CrlArn { get; set; }

    /// <summary><c>profileId</c>, <c>trustAnchorId</c> or <c>crlId</c>: the resource a control-plane call names.</summary>
    public string? ResourceId { get; set; }

    public string? RoleSessionName { get; set; }

    public string? SourceIdentity { get; set; }

    /// <summary><c>assumedRoleUser.arn</c>: <c>arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION</c>.</summary>
    public string? AssumedRoleArn { get; set; }

    public string? AccessKeyId { get; set; }

    /// <summary>An end-entity certificate (PEM or base64 DER) under a key such as <c>x509Certificate</c> or <c>cert</c>.</summary>
    public string? Certificate { get; set; }

    public List<string> TopLevelFields { get; } = [];

    /// <summary>A trust anchor's <c>source.sourceType</c>: <c>AWS_ACM_PCA</c>, <c>CERTIFICATE_BUNDLE</c> or <c>SELF_SIGNED_REPOSITORY</c>.</summary>
    public string? SourceType { get; set; }

    /// <summary>A trust anchor's CA certificate (<c>source.sourceData.x509CertificateData</c>, PEM).</summary>
    public string? AnchorCertificate { get; set; }

    /// <summary>An IAM trust policy: <c>assumeRolePolicyDocument</c> (CreateRole) or <c>policyDocument</c> (UpdateAssumeRolePolicy).</summary>
    public string? PolicyDocument { get; set; }

    /// <summary>The IAM role a CreateRole or UpdateAssumeRolePolicy names (<c>roleName</c>).</summary>
    public string? RoleName { get; set; }

    /// <summary>The IAM role's ARN in a CreateRole response (<c>role.arn</c>).</summary>
    public string? IamRoleArn { get; set; }
}
