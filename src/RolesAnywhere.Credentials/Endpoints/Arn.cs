namespace RolesAnywhere.Credentials.Endpoints;

/// <summary>
/// An Amazon Resource Name split into its parts:
/// <c>arn:{partition}:{service}:{region}:{account}:{resource}</c>.
/// </summary>
internal sealed class Arn
{
    private const int PartCount = 6;

    private Arn(string value, string partition, string service, string region, string accountId, string resource)
    {
        Value = value;
        Partition = partition;
        Service = service;
        Region = region;
        AccountId = accountId;
        Resource = resource;
    }

    public string Value { get; }

    public string Partition { get; }

    public string Service { get; }

    /// <summary>Gets the region, empty for global services such as IAM.</summary>
    public string Region { get; }

    public string AccountId { get; }

    /// <summary>Gets everything after the account, such as <c>profile/0123…</c> or <c>role/path/Name</c>.</summary>
    public string Resource { get; }

    /// <summary>Gets the resource type, the part of <see cref="Resource"/> before the first <c>/</c>.</summary>
    public string ResourceType
    {
        get
        {
            var slash = Resource.IndexOf('/', StringComparison.Ordinal);
            return slash < 0 ? Resource : Resource[..slash];
        }
    }

    /// <summary>Splits <paramref name="value"/>; <see langword="null"/> when it is not an ARN at all.</summary>
    public static Arn? TryParse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        var parts = trimmed.Split(':', PartCount);
        if (parts.Length != PartCount || parts[0] != "arn" || parts[1].Length == 0 || parts[2].Length == 0 || parts[5].Length == 0)
        {
            return null;
        }

        return new Arn(trimmed, parts[1], parts[2], parts[3], parts[4], parts[5]);
    }

    public override string ToString() => Value;
}
