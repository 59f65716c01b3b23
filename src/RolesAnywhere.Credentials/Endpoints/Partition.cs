namespace RolesAnywhere.Credentials.Endpoints;

/// <summary>
/// An AWS partition: the regions it holds and the DNS suffixes of its endpoints. <see cref="Known"/> is the one
/// table of partitions in the repository (the emulator compiles this file too): the endpoint, the ARN checks and
/// the region-to-partition mapping all read it.
/// </summary>
/// <remarks>
/// Region prefixes and DNS suffixes as the AWS SDKs' partition table (<c>partitions.json</c>, <c>regionRegex</c> and
/// <c>dnsSuffix</c>/<c>dualStackDnsSuffix</c>) lists them:
/// https://github.com/aws/aws-sdk-js-v3/blob/main/packages/util-endpoints/src/lib/aws/partitions.json
/// </remarks>
internal sealed class Partition(string name, string? regionPrefix, string dnsSuffix, string? dualStackDnsSuffix)
{
    /// <summary>Gets every partition; <c>aws</c>, which holds every region no other claims, comes first.</summary>
    internal static readonly IReadOnlyList<Partition> Known =
    [
        new("aws", regionPrefix: null, "amazonaws.com", "api.aws"),
        new("aws-cn", "cn-", "amazonaws.com.cn", "api.amazonwebservices.com.cn"),
        new("aws-us-gov", "us-gov-", "amazonaws.com", "api.aws"),
        new("aws-iso", "us-iso-", "c2s.ic.gov", null),
        new("aws-iso-b", "us-isob-", "sc2s.sgov.gov", null),
        new("aws-iso-e", "eu-isoe-", "cloud.adc-e.uk", null),
        new("aws-iso-f", "us-isof-", "csp.hci.ic.gov", null),
        new("aws-eusc", "eusc-", "amazonaws.eu", null),
    ];

    /// <summary>Gets the partition name as it appears in ARNs, such as <c>aws-cn</c>.</summary>
    public string Name { get; } = name;

    /// <summary>Gets how the names of the partition's regions start (<c>cn-</c>), or <see langword="null"/> for <c>aws</c>, which holds the rest.</summary>
    public string? RegionPrefix { get; } = regionPrefix;

    /// <summary>Gets the suffix of the regular endpoints, such as <c>amazonaws.com</c>.</summary>
    public string DnsSuffix { get; } = dnsSuffix;

    /// <summary>Gets the suffix of the dual-stack endpoints, or <see langword="null"/> where the partition has none.</summary>
    public string? DualStackDnsSuffix { get; } = dualStackDnsSuffix;

    /// <summary>Gets the partition named <paramref name="name"/>, or <see langword="null"/> when unknown.</summary>
    public static Partition? Find(string name)
    {
        foreach (var partition in Known)
        {
            if (string.Equals(partition.Name, name, StringComparison.Ordinal))
            {
                return partition;
            }
        }

        return null;
    }

    /// <summary>Gets the partition that holds <paramref name="region"/> (<c>aws</c> for any region no other partition claims).</summary>
    public static Partition OfRegion(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        foreach (var partition in Known)
        {
            if (partition.RegionPrefix is { } prefix && region.StartsWith(prefix, StringComparison.Ordinal))
            {
                return partition;
            }
        }

        return Known[0];
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
