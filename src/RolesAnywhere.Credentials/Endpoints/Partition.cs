namespace RolesAnywhere.Credentials.Endpoints;

/// <summary>An AWS partition and the DNS suffixes of its endpoints.</summary>
internal sealed class Partition
{
    private static readonly Partition[] Known =
    [
        new("aws", "amazonaws.com", "api.aws"),
        new("aws-cn", "amazonaws.com.cn", "api.amazonwebservices.com.cn"),
        new("aws-us-gov", "amazonaws.com", "api.aws"),
        new("aws-iso", "c2s.ic.gov", null),
        new("aws-iso-b", "sc2s.sgov.gov", null),
        new("aws-iso-e", "cloud.adc-e.uk", null),
        new("aws-iso-f", "csp.hci.ic.gov", null),
        new("aws-eusc", "amazonaws.eu", null),
    ];

    private Partition(string name, string dnsSuffix, string? dualStackDnsSuffix)
    {
        Name = name;
        DnsSuffix = dnsSuffix;
        DualStackDnsSuffix = dualStackDnsSuffix;
    }

    /// <summary>Gets the partition name as it appears in ARNs, such as <c>aws-cn</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the suffix of the regular endpoints, such as <c>amazonaws.com</c>.</summary>
    public string DnsSuffix { get; }

    /// <summary>Gets the suffix of the dual-stack endpoints, or <see langword="null"/> where the partition has none.</summary>
    public string? DualStackDnsSuffix { get; }

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
}
