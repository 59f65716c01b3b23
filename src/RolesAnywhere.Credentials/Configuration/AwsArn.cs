namespace RolesAnywhere.Credentials.Configuration;

/// <summary>The six fields of an ARN: <c>arn:{partition}:{service}:{region}:{account}:{resource}</c>.</summary>
internal readonly record struct AwsArn(string Partition, string Service, string Region, string Account, string Resource)
{
    public static bool TryParse(string? value, out AwsArn arn)
    {
        arn = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var parts = value.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn" || parts[1].Length == 0 || parts[2].Length == 0)
        {
            return false;
        }

        arn = new AwsArn(parts[1], parts[2], parts[3], parts[4], parts[5]);
        return true;
    }

    /// <summary>Gets a value indicating whether <see cref="Account"/> is a 12-digit account id.</summary>
    public bool HasAccountId => Account.Length == 12 && Account.All(char.IsAsciiDigit);

    /// <summary>The partition a region belongs to (<c>aws</c>, <c>aws-cn</c>, <c>aws-us-gov</c>, <c>aws-iso</c>, <c>aws-iso-b</c>).</summary>
    public static string PartitionOf(string region) => region switch
    {
        _ when region.StartsWith("cn-", StringComparison.Ordinal) => "aws-cn",
        _ when region.StartsWith("us-gov-", StringComparison.Ordinal) => "aws-us-gov",
        _ when region.StartsWith("us-isob-", StringComparison.Ordinal) => "aws-iso-b",
        _ when region.StartsWith("us-iso-", StringComparison.Ordinal) => "aws-iso",
        _ => "aws",
    };
}
