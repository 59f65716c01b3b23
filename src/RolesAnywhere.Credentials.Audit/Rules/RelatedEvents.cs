namespace RolesAnywhere.Credentials.Audit.Rules;

/// <summary>Collects the event ids behind a grouped finding, keeping the first few so output stays readable.</summary>
internal sealed class RelatedEvents
{
    public const int MaxIds = 20;

    private readonly List<string> _ids = [];

    public int Count { get; private set; }

    public IReadOnlyList<string> Ids => _ids;

    public void Add(string? eventId)
    {
        Count++;
        if (eventId is not null && _ids.Count < MaxIds)
        {
            _ids.Add(eventId);
        }
    }
}
