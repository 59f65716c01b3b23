namespace RolesAnywhere.Credentials.Audit.Sessions;

/// <summary>
/// Calls made with one role session (any service), aggregated so memory stays bounded however many calls there
/// are: a count and, per distinct source address (at most <see cref="MaxSources"/>), the earliest call from it.
/// </summary>
internal sealed class DownstreamUse
{
    public const int MaxSources = 32;

    public long Calls { get; private set; }

    public Dictionary<string, Observation> FirstBySource { get; } = new(StringComparer.Ordinal);

    public void Add(DateTimeOffset time, string? sourceIp, string eventName, string? eventId, string? input)
    {
        Calls++;
        if (sourceIp is null)
        {
            return;
        }

        if (FirstBySource.TryGetValue(sourceIp, out var first))
        {
            if (time < first.Time)
            {
                FirstBySource[sourceIp] = new Observation(time, sourceIp, eventName, eventId, input);
            }
        }
        else if (FirstBySource.Count < MaxSources)
        {
            FirstBySource[sourceIp] = new Observation(time, sourceIp, eventName, eventId, input);
        }
    }
}
