using System.Text.Json;

namespace RolesAnywhere.Credentials.Audit.Records;

/// <summary>
/// Collects the <see cref="RecordParameters"/> fields from a <c>requestParameters</c>, <c>responseElements</c> or
/// <c>additionalEventData</c> object, wherever they sit: the documented Roles Anywhere responses nest them
/// (<c>profile.profileArn</c>, <c>credentialSet[0].assumedRoleUser.arn</c>) and the CreateSession record shape
/// is not documented at all, so the scan looks at every depth and keeps the first value of each field.
/// </summary>
internal static class ParametersScanner
{
    /// <summary>The property names under which a record may carry the end-entity certificate (none is documented).</summary>
    private static readonly string[] CertificateKeys = ["x509Certificate", "x509CertificateData", "certificate", "cert"];

    public static RecordParameters Scan(ReadOnlySpan<byte> json)
    {
        if (json.IsEmpty)
        {
            return RecordParameters.Empty;
        }

        var result = new RecordParameters();
        var reader = new Utf8JsonReader(json);
        reader.Read();
        var parents = new Stack<string?>();
        string? parent = null;
        string? property = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    property = reader.GetString();
                    if (reader.CurrentDepth == 1 && property is not null)
                    {
                        result.TopLevelFields.Add(property);
                    }

                    break;
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    parents.Push(parent);
                    parent = property ?? parent;
                    property = null;
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    parent = parents.Count > 0 ? parents.Pop() : null;
                    property = null;
                    break;
                case JsonTokenType.String when property is not null:
                    Take(result, parent, property, reader.GetString()!, reader.CurrentDepth);
                    property = null;
                    break;
                default:
                    property = null;
                    break;
            }
        }

        return result;
    }

    private static void Take(RecordParameters result, string? parent, string property, string value, int depth)
    {
        switch (property)
        {
            case "roleArn":
                result.RoleArn ??= value;
                break;
            case "profileArn":
                result.ProfileArn ??= value;
                break;
            case "trustAnchorArn":
                result.TrustAnchorArn ??= value;
                break;
            case "crlArn":
                result.CrlArn ??= value;
                break;
            case "profileId" or "trustAnchorId" or "crlId" when depth == 1:
                result.ResourceId ??= value;
                break;
            case "roleSessionName":
                result.RoleSessionName ??= value;
                break;
            case "sourceIdentity":
                result.SourceIdentity ??= value;
                break;
            case "accessKeyId":
                result.AccessKeyId ??= value;
                break;
            case "arn" when parent == "assumedRoleUser":
                result.AssumedRoleArn ??= value;
                break;
            case "arn" when parent == "role":
                result.IamRoleArn ??= value;
                break;
            case "sourceType":
                result.SourceType ??= value;
                break;
            case "x509CertificateData" when parent == "sourceData":
                result.AnchorCertificate ??= value;
                break;
            case "assumeRolePolicyDocument" or "policyDocument" when depth <= 2:
                result.PolicyDocument ??= value;
                break;
            case "roleName" when depth <= 2:
                result.RoleName ??= value;
                break;
            default:
                // A trust anchor's own CA certificate (source.sourceData.x509CertificateData) is not a workload's certificate.
                if (parent != "sourceData" && Array.IndexOf(CertificateKeys, property) >= 0)
                {
                    result.Certificate ??= value;
                }

                break;
        }
    }
}
