namespace RolesAnywhere.Credentials.Audit.Inputs;

/// <summary><c>s3://bucket/prefix</c>: where CloudTrail delivers (<c>AWSLogs/ACCOUNT/CloudTrail/REGION/…</c>).</summary>
internal readonly record struct S3Location(string Bucket, string Prefix)
{
    public const string Scheme = "s3://";

    public static bool IsS3(string input) => input.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    /// <exception cref="AuditInputException">No bucket name.</exception>
    public static S3Location Parse(string input)
    {
        var rest = input[Scheme.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        if (bucket.Length == 0)
        {
            throw new AuditInputException($"'{input}' names no bucket; write s3://bucket/AWSLogs/111122223333/CloudTrail/ or s3://bucket.");
        }

        return new S3Location(bucket, slash < 0 ? string.Empty : rest[(slash + 1)..]);
    }
}
