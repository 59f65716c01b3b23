namespace RolesAnywhere.Credentials.Audit.Sessions;

/// <summary>
/// Calls made with one role session (any service), aggregated so memory stays bounded however many calls there
/// are: a count; per distinct source address (at most <see cref="MaxSources"/>), the earliest call from it; and, for
/// sessions that may be Roles Anywhere's (<see cref="KeepsDetails"/>), the earliest <see cref="MaxCalls"/> calls and
/// up to <see cref="MaxAssumeRoles"/> STS AssumeRole calls made with it (role chaining), each with what it did.
/// </summary>
internal sealed class DownstreamUse
{
    public const int MaxSources = 32;
    public const int MaxCalls = 32;
    public const int MaxAssumeRoles = 32;

    private List<LinkedCall>? _calls;
    private List<LinkedCall>? _assumeRoles;

    public DownstreamUse(bool keepsDetails)
    {
        KeepsDetails = keepsDetails;
    }

    /// <summary>Whether calls are kept one by one (a session named like a serial, or one chained from such a session).</summary>
    public bool KeepsDetails { get; }

    public long Calls { get; private set; }

    public Dictionary<string, Observation> FirstBySource { get; } = new(StringComparer.Ordinal);

    /// <summary>The earliest calls, in time order (at most <see cref="MaxCalls"/>).</summary>
    public IReadOnlyList<LinkedCall> EarliestCalls => _calls ?? (IReadOnlyList<LinkedCall>)[];

    /// <summary>STS AssumeRole calls made with this session's credentials (at most <see cref="MaxAssumeRoles"/>).</summary>
    public IReadOnlyList<LinkedCall> AssumeRoles => _assumeRoles ?? (IReadOnlyList<LinkedCall>)[];

    /// <summary>Calls counted but not kept one by one.</summary>
    public long CallsNotListed => Calls - EarliestCalls.Count;

    public void Add(LinkedCall call, string? input)
    {
        Calls++;
        if (KeepsDetails)
        {
            KeepEarliest(call);
            if (call.TargetRoleArn is not null && (_assumeRoles ??= []).Count < MaxAssumeRoles)
            {
                _assumeRoles.Add(call);
            }
        }

        if (call.SourceIp is not { } sourceIp)
        {
            return;
        }

        if (FirstBySource.TryGetValue(sourceIp, out var first))
        {
            if (call.Time < first.Time)
            {
                FirstBySource[sourceIp] = new Observation(call.Time, sourceIp, call.EventName, call.EventId, input);
            }
        }
        else if (FirstBySource.Count < MaxSources)
        {
            FirstBySource[sourceIp] = new Observation(call.Time, sourceIp, call.EventName, call.EventId, input);
        }
    }

    private void KeepEarliest(LinkedCall call)
    {
        _calls ??= [];
        if (_calls.Count == MaxCalls)
        {
            if (call.Time >= _calls[^1].Time)
            {
                return;
            }

            _calls.RemoveAt(_calls.Count - 1);
        }

        var at = _calls.Count;
        while (at > 0 && _calls[at - 1].Time > call.Time)
        {
            at--;
        }

        _calls.Insert(at, call);
    }
}
