using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.Authorization.Certificates;
using RolesAnywhere.Credentials.Authorization.Policies;
using RolesAnywhere.Credentials.Testing.Sessions;

namespace RolesAnywhere.Credentials.Testing.Hosting;

/// <summary>Everything the running emulator knows; every member is safe to use from tests while requests are served.</summary>
internal sealed class EmulatorState
{
    private readonly ConcurrentDictionary<CertificateSerialNumber, byte> _revoked = new();
    private readonly ConcurrentQueue<EmulatorFault> _faults = new();
    private readonly List<EmulatorRequest> _requests = [];
    private readonly object _requestsLock = new();
    private int _successfulSessions;

    public EmulatorState(RolesAnywhereEmulatorOptions options)
    {
        Region = options.Region;
        AccountId = options.AccountId;
        Partition = options.Partition ?? Endpoints.Partition.OfRegion(options.Region).Name;
        TimeProvider = options.TimeProvider;
        AllowedClockSkew = options.AllowedClockSkew;
        AcceptedHosts = new ConcurrentDictionary<string, byte>(
            options.AcceptedHosts.Select(h => new KeyValuePair<string, byte>(h, 0)), StringComparer.OrdinalIgnoreCase);
    }

    public string Region { get; }

    public string AccountId { get; }

    public string Partition { get; }

    public TimeProvider TimeProvider { get; }

    public TimeSpan AllowedClockSkew { get; }

    public ConcurrentDictionary<string, byte> AcceptedHosts { get; }

    public ConcurrentDictionary<string, X509Certificate2> TrustAnchors { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, EmulatorProfile> Profiles { get; } = new(StringComparer.Ordinal);

    /// <summary>The trust policies by role ARN; a role without one admits every certificate its profile admits.</summary>
    public ConcurrentDictionary<string, TrustPolicy> TrustPolicies { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, IssuedSession> Sessions { get; } = new(StringComparer.Ordinal);

    public int SuccessfulSessions => Volatile.Read(ref _successfulSessions);

    public DateTimeOffset Now => TimeProvider.GetUtcNow();

    public void CountSuccess() => Interlocked.Increment(ref _successfulSessions);

    public void Revoke(CertificateSerialNumber serial) => _revoked[serial] = 0;

    public bool IsRevoked(CertificateSerialNumber serial) => _revoked.ContainsKey(serial);

    public void EnqueueFault(EmulatorFault fault) => _faults.Enqueue(fault);

    public bool TryDequeueFault(out EmulatorFault? fault) => _faults.TryDequeue(out fault);

    public void ClearFaults() => _faults.Clear();

    public int PendingFaults => _faults.Count;

    public void Record(EmulatorRequest request)
    {
        lock (_requestsLock)
        {
            _requests.Add(request);
        }
    }

    public IReadOnlyList<EmulatorRequest> Requests()
    {
        lock (_requestsLock)
        {
            return _requests.ToArray();
        }
    }

    public void ClearRequests()
    {
        lock (_requestsLock)
        {
            _requests.Clear();
        }
    }
}
