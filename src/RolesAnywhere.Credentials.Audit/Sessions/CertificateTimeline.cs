using RolesAnywhere.Credentials.Authorization.Certificates;

namespace RolesAnywhere.Credentials.Audit.Sessions;

/// <summary>
/// What one certificate did in the period, in time order: every CreateSession kept for it and the calls made with
/// the credentials of its role sessions, including sessions chained from them (the earliest
/// <see cref="DownstreamUse.MaxCalls"/> of each session; the rest counted in <see cref="CallsNotListed"/>).
/// </summary>
internal sealed class CertificateTimeline
{
    private readonly List<LinkedCall> _events = [];

    public CertificateTimeline(CertificateSerialNumber serial)
    {
        Serial = serial;
    }

    public CertificateSerialNumber Serial { get; }

    public string? Subject { get; set; }

    public IReadOnlyList<LinkedCall> Events => _events;

    public long CallsNotListed { get; set; }

    public void Add(LinkedCall call) => _events.Add(call);

    public void Sort() => _events.Sort((a, b) => a.Time.CompareTo(b.Time));
}
