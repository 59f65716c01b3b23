using System.Text.RegularExpressions;
using RolesAnywhere.Credentials.Configuration;

namespace RolesAnywhere.Credentials.Endpoints;

/// <summary>
/// The three ARNs of a CreateSession call, checked against each other, and the region and partition
/// they imply.
/// </summary>
internal sealed partial class ResourceArns
{
    private ResourceArns(Arn trustAnchor, Arn profile, Arn role, string region, Partition partition, bool regionIsFips)
    {
        TrustAnchor = trustAnchor;
        Profile = profile;
        Role = role;
        Region = region;
        Partition = partition;
        RegionIsFips = regionIsFips;
    }

    public Arn TrustAnchor { get; }

    public Arn Profile { get; }

    public Arn Role { get; }

    /// <summary>Gets the plain region requests are signed for.</summary>
    public string Region { get; }

    public Partition Partition { get; }

    /// <summary>Gets a value indicating whether the configured region named a FIPS pseudo-region (<c>us-east-1-fips</c>, <c>fips-us-east-1</c>).</summary>
    public bool RegionIsFips { get; }

    /// <summary>
    /// Parses and cross-checks the ARNs and the optional explicit region, adding one message per problem
    /// to <paramref name="failures"/>; returns <see langword="null"/> when any was found.
    /// </summary>
    public static ResourceArns? Parse(string? trustAnchorArn, string? profileArn, string? roleArn, string? region, ICollection<SettingProblem> failures)
    {
        var start = failures.Count;
        var trustAnchor = ParseOne(nameof(RolesAnywhereOptions.TrustAnchorArn), trustAnchorArn, "rolesanywhere", "trust-anchor", "arn:aws:rolesanywhere:eu-west-1:111122223333:trust-anchor/<id>", failures);
        var profile = ParseOne(nameof(RolesAnywhereOptions.ProfileArn), profileArn, "rolesanywhere", "profile", "arn:aws:rolesanywhere:eu-west-1:111122223333:profile/<id>", failures);
        var role = ParseOne(nameof(RolesAnywhereOptions.RoleArn), roleArn, "iam", "role", "arn:aws:iam::111122223333:role/<name>", failures);

        if (trustAnchor is not null && profile is not null)
        {
            if (!string.Equals(trustAnchor.Region, profile.Region, StringComparison.Ordinal))
            {
                failures.Add(new SettingProblem(nameof(RolesAnywhereOptions.ProfileArn), $"the profile is in region '{profile.Region}' but the trust anchor is in '{trustAnchor.Region}'; a session is created in one region, so use a trust anchor and a profile from the same region."));
            }

            if (!string.Equals(trustAnchor.AccountId, profile.AccountId, StringComparison.Ordinal))
            {
                failures.Add(new SettingProblem(nameof(RolesAnywhereOptions.ProfileArn), $"the profile belongs to account {profile.AccountId} but the trust anchor to {trustAnchor.AccountId}; use both from the same account."));
            }
        }

        foreach (var other in new[] { (nameof(RolesAnywhereOptions.ProfileArn), profile), (nameof(RolesAnywhereOptions.RoleArn), role) })
        {
            if (trustAnchor is not null && other.Item2 is not null && !string.Equals(trustAnchor.Partition, other.Item2.Partition, StringComparison.Ordinal))
            {
                failures.Add(new SettingProblem(other.Item1, $"its partition '{other.Item2.Partition}' differs from the trust anchor's '{trustAnchor.Partition}'; all three ARNs must come from the same partition."));
            }
        }

        Partition? partition = null;
        if (trustAnchor is not null)
        {
            partition = Partition.Find(trustAnchor.Partition);
            if (partition is null)
            {
                failures.Add(new SettingProblem(nameof(RolesAnywhereOptions.TrustAnchorArn), $"the partition '{trustAnchor.Partition}' is not known; set Endpoint to the Roles Anywhere endpoint of that partition, or check the ARN."));
            }
        }

        var (plainRegion, regionIsFips) = ResolveRegion(region, trustAnchor, failures);

        if (failures.Count != start || trustAnchor is null || profile is null || role is null || plainRegion is null)
        {
            return null;
        }

        return new ResourceArns(trustAnchor, profile, role, plainRegion, partition ?? Partition.Find("aws")!, regionIsFips);
    }

    private static (string? Region, bool IsFips) ResolveRegion(string? configured, Arn? trustAnchor, ICollection<SettingProblem> failures)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return (trustAnchor?.Region, false);
        }

        var region = configured.Trim();
        var isFips = false;
        if (region.StartsWith("fips-", StringComparison.Ordinal))
        {
            region = region["fips-".Length..];
            isFips = true;
        }
        else if (region.EndsWith("-fips", StringComparison.Ordinal))
        {
            region = region[..^"-fips".Length];
            isFips = true;
        }

        if (!RegionPattern().IsMatch(region))
        {
            failures.Add(new SettingProblem(nameof(RolesAnywhereOptions.Region), $"'{configured}' is not a region name such as 'eu-west-1'; leave Region empty to take it from TrustAnchorArn."));
            return (null, false);
        }

        if (trustAnchor is not null && !string.Equals(trustAnchor.Region, region, StringComparison.Ordinal))
        {
            failures.Add(new SettingProblem(nameof(RolesAnywhereOptions.Region), $"'{configured}' differs from the trust anchor's region '{trustAnchor.Region}'; the session must be created where the trust anchor and profile live. Leave Region empty or set it to '{trustAnchor.Region}'."));
            return (null, false);
        }

        return (region, isFips);
    }

    private static Arn? ParseOne(string name, string? value, string service, string resourceType, string example, ICollection<SettingProblem> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add(new SettingProblem(name, $"required; set it to the ARN, such as '{example}'."));
            return null;
        }

        var arn = Arn.TryParse(value);
        if (arn is null)
        {
            failures.Add(new SettingProblem(name, $"'{value}' is not an ARN; expected the form '{example}'."));
            return null;
        }

        var regional = service != "iam";
        var problems = new List<string>(3);
        if (!string.Equals(arn.Service, service, StringComparison.Ordinal) || !string.Equals(arn.ResourceType, resourceType, StringComparison.Ordinal))
        {
            problems.Add($"it names a '{arn.Service}' '{arn.ResourceType}', not a '{service}' '{resourceType}'");
        }

        if (regional && !RegionPattern().IsMatch(arn.Region))
        {
            problems.Add($"its region '{arn.Region}' is not a region name");
        }
        else if (!regional && arn.Region.Length != 0)
        {
            problems.Add("an IAM ARN has no region");
        }

        if (!AccountPattern().IsMatch(arn.AccountId))
        {
            problems.Add($"its account '{arn.AccountId}' is not a 12-digit account id");
        }

        if (problems.Count != 0)
        {
            failures.Add(new SettingProblem(name, $"'{value}' is not valid ({string.Join("; ", problems)}); expected the form '{example}'."));
            return null;
        }

        // The partition named must be the one holding the region (the one table: Partition.Known).
        if (regional && Partition.Find(arn.Partition) is not null && Partition.OfRegion(arn.Region) is var holder && holder.Name != arn.Partition)
        {
            failures.Add(new SettingProblem(name, $"the partition '{arn.Partition}' does not hold region '{arn.Region}', which belongs to '{holder.Name}'; fix the ARN (China ARNs start with arn:aws-cn:, GovCloud ARNs with arn:aws-us-gov:)."));
            return null;
        }

        return arn;
    }

    [GeneratedRegex("^[a-z]{2,}(-[a-z0-9]+)*-[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^[0-9]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex AccountPattern();
}
