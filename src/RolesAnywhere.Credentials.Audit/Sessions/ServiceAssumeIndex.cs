namespace RolesAnywhere.Credentials.Audit.Sessions;

/// <summary>Finds the service's AssumeRole for a CreateSession: by access key id when both records carry it, else the nearest in time for the same role.</summary>
internal sealed class ServiceAssumeIndex
{
    private readonly Dictionary<string, ServiceAssumeRole> _byAccessKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ServiceAssumeRole>> _byRole = new(StringComparer.Ordinal);

    public ServiceAssumeIndex(IEnumerable<ServiceAssumeRole> assumes)
    {
        foreach (var assume in assumes)
        {
            if (assume.AccessKeyId is not null)
            {
                _byAccessKey.TryAdd(assume.AccessKeyId, assume);
            }

            if (assume.RoleArn is not null)
            {
                if (!_byRole.TryGetValue(assume.RoleArn, out var list))
                {
                    list = [];
                    _byRole[assume.RoleArn] = list;
                }

                list.Add(assume);
            }
        }

        foreach (var list in _byRole.Values)
        {
            list.Sort((a, b) => a.Time.CompareTo(b.Time));
        }
    }

    public ServiceAssumeRole? Find(string? accessKeyId, string? roleArn, DateTimeOffset time, TimeSpan window, HashSet<ServiceAssumeRole> taken)
    {
        if (accessKeyId is not null && _byAccessKey.TryGetValue(accessKeyId, out var exact))
        {
            return exact;
        }

        if (roleArn is null || !_byRole.TryGetValue(roleArn, out var list))
        {
            return null;
        }

        var low = 0;
        var high = list.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (list[middle].Time < time - window)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        ServiceAssumeRole? best = null;
        for (var i = low; i < list.Count && list[i].Time <= time + window; i++)
        {
            if (!taken.Contains(list[i]) && (best is null || (list[i].Time - time).Duration() < (best.Time - time).Duration()))
            {
                best = list[i];
            }
        }

        return best;
    }
}
