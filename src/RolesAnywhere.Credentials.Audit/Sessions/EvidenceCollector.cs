using RolesAnywhere.Credentials.Audit.Records;
using RolesAnywhere.Credentials.Authorization.Certificates;

namespace RolesAnywhere.Credentials.Audit.Sessions;

/// <summary>
/// Keeps what the rules need from the stream of records, in memory that grows with the number of Roles Anywhere
/// sessions and distinct role sessions, not with the number of events: CreateSession calls, the service's STS
/// AssumeRole calls, control-plane changes, and a per-role-session aggregate of every other call. Refused
/// CreateSession calls, which anyone can make from any address, are kept only within the bounds of
/// <see cref="RefusedCalls"/> and otherwise counted; repeated strings are shared (<see cref="StringPool"/>).
/// </summary>
internal sealed class EvidenceCollector
{
    /// <summary>An AssumeRole made by the service is matched to a CreateSession of the same role within this time.</summary>
    public static readonly TimeSpan LinkWindow = TimeSpan.FromSeconds(60);

    private readonly List<SessionAttempt> _attempts = [];
    private readonly List<ServiceAssumeRole> _serviceAssumes = [];
    private readonly List<ControlPlaneChange> _changes = [];
    private readonly Dictionary<RoleSessionKey, DownstreamUse> _downstream = [];
    private readonly StringPool _strings = new();
    private readonly List<TrustPolicyChange> _trustPolicyChanges = [];

    /// <summary>Role sessions an STS AssumeRole by a serial-named session asked for: their calls are kept one by one too.</summary>
    private readonly HashSet<RoleSessionKey> _chained = [];

    /// <summary>At most this many chained role sessions are followed (each made by a session's own AssumeRole call).</summary>
    public const int MaxChainedSessions = 100_000;

    /// <summary>Role chaining is followed this many hops from the certificate's own session.</summary>
    public const int MaxChainDepth = 4;
    private readonly RefusedCalls _refused = new();

    public int Sessions => _attempts.Count;

    public void Add(CloudTrailRecord record, string input)
    {
        if (record.EventSource == CloudTrailRecordParser.IamSource && record.EventName is "CreateRole" or "UpdateAssumeRolePolicy")
        {
            // Also a call like any other below: made with a certificate's session, it is part of that session's story.
            AddTrustPolicyChange(record, input);
        }

        if (record.EventSource == CloudTrailRecordParser.RolesAnywhereSource)
        {
            AddRolesAnywhere(record, input);
        }
        else if (record.EventSource == CloudTrailRecordParser.StsSource && record.EventName == "AssumeRole" && IsByRolesAnywhere(record))
        {
            _serviceAssumes.Add(new ServiceAssumeRole
            {
                Time = record.EventTime,
                EventId = record.EventId,
                RoleArn = _strings.Intern(record.Request.RoleArn),
                RoleSessionName = _strings.Intern(record.Request.RoleSessionName),
                SourceIdentity = _strings.Intern(record.Request.SourceIdentity ?? record.Response.SourceIdentity),
                AccessKeyId = record.Response.AccessKeyId,
            });
        }
        else if (record.Identity.Type == "AssumedRole" && RoleSessionKey.TryFromAssumedRoleArn(record.Identity.Arn, out var key))
        {
            if (!_downstream.TryGetValue(key, out var use))
            {
                // Calls are kept one by one only for sessions that may be a certificate's: named like a serial (as Roles
                // Anywhere names them), or chained from one. Every other session of the account is only counted.
                use = new DownstreamUse(keepsDetails: CertificateSerialNumber.TryParse(key.SessionName, out _) || _chained.Contains(key));
                _downstream[key] = use;
            }

            var chainedTo = record.EventSource == CloudTrailRecordParser.StsSource && record.EventName == "AssumeRole" ? record.Request.RoleArn : null;
            if (use.KeepsDetails && chainedTo is not null && record.Request.RoleSessionName is { } chainedName &&
                _chained.Count < MaxChainedSessions && RoleSessionKey.TryFromRole(chainedTo, chainedName, out var chainedKey))
            {
                _chained.Add(chainedKey);
            }

            use.Add(
                new LinkedCall(record.EventTime, _strings.Intern(record.EventSource)!, _strings.Intern(record.EventName)!, _strings.Intern(record.SourceIpAddress),
                    record.EventId, _strings.Intern(record.ErrorCode), _strings.Intern(chainedTo), use.KeepsDetails ? _strings.Intern(record.Identity.Arn) : null,
                    chainedTo is null ? null : record.Request.RoleSessionName),
                _strings.Intern(input));
        }
    }

    public AuditEvidence Link()
    {
        _attempts.Sort((a, b) => a.Time.CompareTo(b.Time));
        _changes.Sort((a, b) => a.Time.CompareTo(b.Time));
        var matched = new HashSet<ServiceAssumeRole>();
        var index = new ServiceAssumeIndex(_serviceAssumes);
        foreach (var attempt in _attempts)
        {
            LinkToServiceAssume(attempt, matched, index);
            if (attempt.Serial is null && attempt.Session is { } session && !attempt.CustomSessionName && CertificateSerialNumber.TryParse(session.SessionName, out var fromName))
            {
                attempt.Serial = fromName;
                attempt.SerialSource = "session-name";
            }

            if (attempt.Session is null && attempt.Succeeded && !attempt.CustomSessionName && attempt.Serial is { } serial &&
                RoleSessionKey.TryFromRole(attempt.RoleArn, serial.ToString(), out var implied))
            {
                attempt.Session = implied;
            }
        }

        var uses = new List<CertificateUse>();
        var sessions = new Dictionary<RoleSessionKey, (CertificateSerialNumber Serial, string? Subject, string? RoleArn, string? TrustAnchorArn)>();
        var chains = new List<RoleChain>();
        foreach (var attempt in _attempts)
        {
            if (attempt.Serial is not { } serial)
            {
                continue;
            }

            uses.Add(new CertificateUse
            {
                Time = attempt.Time, Serial = serial, Subject = attempt.Subject, EventName = "CreateSession", EventId = attempt.EventId,
                SourceIp = attempt.SourceIp, RoleArn = attempt.RoleArn, TrustAnchorArn = attempt.TrustAnchorArn, Succeeded = attempt.Succeeded, Input = attempt.Input,
            });
            if (attempt.Session is { } session && attempt.Succeeded)
            {
                sessions[session] = (serial, attempt.Subject, attempt.RoleArn, attempt.TrustAnchorArn);
            }
        }

        foreach (var assume in _serviceAssumes)
        {
            // The service's AssumeRole without a CreateSession record in the input still names the certificate.
            if (matched.Contains(assume) || !CertificateSerialNumber.TryParse(assume.RoleSessionName, out var serial) ||
                !RoleSessionKey.TryFromRole(assume.RoleArn, assume.RoleSessionName!, out var session))
            {
                continue;
            }

            uses.Add(new CertificateUse { Time = assume.Time, Serial = serial, Subject = assume.SourceIdentity, EventName = "AssumeRole", EventId = assume.EventId, RoleArn = assume.RoleArn });
            sessions.TryAdd(session, (serial, assume.SourceIdentity, assume.RoleArn, null));
        }

        // Sessions chained from a certificate's session (an STS AssumeRole made with its credentials) belong to the same
        // certificate: followed hop by hop, at most MaxChainDepth hops.
        var frontier = sessions.Keys.ToList();
        for (var depth = 0; depth < MaxChainDepth && frontier.Count > 0; depth++)
        {
            var next = new List<RoleSessionKey>();
            foreach (var key in frontier)
            {
                if (!_downstream.TryGetValue(key, out var use))
                {
                    continue;
                }

                var owner = sessions[key];
                foreach (var assume in use.AssumeRoles)
                {
                    chains.Add(new RoleChain(owner.Serial, owner.Subject, owner.RoleArn, key, assume, depth + 1));
                    if (assume.ErrorCode is null && assume.TargetRoleArn is { } target && assume.TargetSessionName is { } name &&
                        RoleSessionKey.TryFromRole(target, name, out var chainedKey) && !sessions.ContainsKey(chainedKey))
                    {
                        sessions[chainedKey] = (owner.Serial, owner.Subject, target, owner.TrustAnchorArn);
                        next.Add(chainedKey);
                    }
                }
            }

            frontier = next;
        }

        long linkedCalls = 0;
        var timelines = new Dictionary<CertificateSerialNumber, CertificateTimeline>();
        CertificateTimeline TimelineOf(CertificateSerialNumber serial, string? subject)
        {
            if (!timelines.TryGetValue(serial, out var timeline))
            {
                timeline = new CertificateTimeline(serial);
                timelines[serial] = timeline;
            }

            timeline.Subject ??= subject;
            return timeline;
        }

        foreach (var attempt in _attempts)
        {
            if (attempt.Serial is { } serial)
            {
                TimelineOf(serial, attempt.Subject).Add(new LinkedCall(
                    attempt.Time, CloudTrailRecordParser.RolesAnywhereSource, "CreateSession", attempt.SourceIp, attempt.EventId, attempt.ErrorCode,
                    attempt.RoleArn, attempt.Session is { } s ? $"{s.RoleName}/{s.SessionName}" : null));
            }
        }

        foreach (var (key, use) in _downstream)
        {
            if (!sessions.TryGetValue(key, out var owner))
            {
                continue;
            }

            linkedCalls += use.Calls;
            var timeline = TimelineOf(owner.Serial, owner.Subject);
            foreach (var call in use.EarliestCalls)
            {
                timeline.Add(call);
            }

            timeline.CallsNotListed += use.CallsNotListed;
            foreach (var first in use.FirstBySource.Values)
            {
                uses.Add(new CertificateUse
                {
                    Time = first.Time, Serial = owner.Serial, Subject = owner.Subject, EventName = first.EventName, EventId = first.EventId,
                    SourceIp = first.SourceIp, RoleArn = owner.RoleArn, TrustAnchorArn = owner.TrustAnchorArn, Calls = use.Calls, Input = first.Input,
                });
            }
        }

        foreach (var timeline in timelines.Values)
        {
            timeline.Sort();
        }

        uses.Sort((a, b) => a.Time.CompareTo(b.Time));
        chains.Sort((a, b) => a.Call.Time.CompareTo(b.Call.Time));
        return new AuditEvidence
        {
            Attempts = _attempts, CertificateUses = uses, Changes = _changes, LinkedCalls = linkedCalls, Refused = _refused,
            Timelines = timelines, RoleChains = chains, TrustPolicyChanges = _trustPolicyChanges,
        };
    }

    private static bool IsByRolesAnywhere(CloudTrailRecord record) =>
        record.Identity.InvokedBy == CloudTrailRecordParser.RolesAnywhereSource || record.SourceIpAddress == CloudTrailRecordParser.RolesAnywhereSource;

    private void AddRolesAnywhere(CloudTrailRecord record, string input)
    {
        if (record.EventName == "CreateSession")
        {
            var refused = record.ErrorCode is not null;
            if (refused && !_refused.Admit(record.SourceIpAddress ?? string.Empty))
            {
                return;
            }

            // A refused call's text is the caller's to choose: cut, so kept attempts stay small.
            Func<string?, string?> keep = refused ? text => _strings.Intern(RefusedCalls.Cut(text)) : _strings.Intern;
            var request = record.Request;
            var hasCertificate = CertificateIdentity.TryRead(request.Certificate ?? record.Additional.Certificate, out var serial, out var subject);
            _attempts.Add(new SessionAttempt
            {
                Time = record.EventTime,
                EventId = refused ? RefusedCalls.Cut(record.EventId) : record.EventId,
                SourceIp = keep(record.SourceIpAddress),
                TrustAnchorArn = keep(request.TrustAnchorArn),
                ProfileArn = keep(request.ProfileArn),
                RoleArn = keep(request.RoleArn ?? record.Response.RoleArn),
                ErrorCode = keep(record.ErrorCode),
                ErrorMessage = keep(record.ErrorMessage),
                AccessKeyId = record.Response.AccessKeyId,
                CustomSessionName = request.RoleSessionName is not null,
                Session = RoleSessionKey.TryFromAssumedRoleArn(record.Response.AssumedRoleArn, out var session) ? Pooled(session) : null,
                Serial = hasCertificate ? serial : null,
                Subject = keep(hasCertificate ? subject : record.Response.SourceIdentity),
                SerialSource = hasCertificate ? "certificate" : null,
                Input = _strings.Intern(input),
            });
            return;
        }

        if (record.EventName.StartsWith("Get", StringComparison.Ordinal) || record.EventName.StartsWith("List", StringComparison.Ordinal))
        {
            return;
        }

        var response = record.Response;
        _changes.Add(new ControlPlaneChange
        {
            Time = record.EventTime,
            EventName = record.EventName,
            EventId = record.EventId,
            SourceIp = record.SourceIpAddress,
            Actor = record.Identity.Arn ?? record.Identity.Type,
            Resource = response.CrlArn ?? response.ProfileArn ?? response.TrustAnchorArn ?? record.Request.ResourceId ??
                       record.Request.ProfileArn ?? record.Request.TrustAnchorArn ?? record.Request.CrlArn,
            TrustAnchorArn = response.TrustAnchorArn ?? record.Request.TrustAnchorArn,
            ErrorCode = record.ErrorCode,
            Fields = record.Request.TopLevelFields,
            SourceType = record.Request.SourceType ?? response.SourceType,
            AnchorCertificate = Bounded(record.Request.AnchorCertificate ?? response.AnchorCertificate, MaxAnchorCertificateLength),
            Input = input,
        });
    }

    /// <summary>A CA certificate in PEM is a few kilobytes; a longer value is not kept (the finding says it could not be read).</summary>
    private const int MaxAnchorCertificateLength = 64 * 1024;

    /// <summary>At most this many IAM trust-policy changes that mention Roles Anywhere are kept.</summary>
    public const int MaxTrustPolicyChanges = 10_000;

    private RoleSessionKey Pooled(RoleSessionKey key) =>
        new(_strings.Intern(key.Account)!, _strings.Intern(key.RoleName)!, _strings.Intern(key.SessionName)!);

    private static string? Bounded(string? text, int max) => text is null || text.Length <= max ? text : null;

    private void AddTrustPolicyChange(CloudTrailRecord record, string input)
    {
        var document = record.Request.PolicyDocument;
        // The document may be URL-encoded (as IAM returns it); the service name survives either way.
        if (document is null || !document.Contains("rolesanywhere", StringComparison.OrdinalIgnoreCase) || _trustPolicyChanges.Count >= MaxTrustPolicyChanges)
        {
            return;
        }

        _trustPolicyChanges.Add(new TrustPolicyChange
        {
            Time = record.EventTime,
            EventName = record.EventName,
            EventId = record.EventId,
            SourceIp = record.SourceIpAddress,
            Actor = record.Identity.Arn ?? record.Identity.Type,
            RoleName = record.Request.RoleName ?? record.Response.RoleName,
            RoleArn = record.Response.IamRoleArn,
            PolicyDocument = document,
            ErrorCode = record.ErrorCode,
            Input = input,
        });
    }

    private static void LinkToServiceAssume(SessionAttempt attempt, HashSet<ServiceAssumeRole> matched, ServiceAssumeIndex index)
    {
        if (!attempt.Succeeded)
        {
            return;
        }

        var best = index.Find(attempt.AccessKeyId, attempt.RoleArn, attempt.Time, LinkWindow, matched);
        if (best is null)
        {
            return;
        }

        matched.Add(best);
        attempt.Subject ??= best.SourceIdentity;
        if (attempt.Serial is null && !attempt.CustomSessionName && CertificateSerialNumber.TryParse(best.RoleSessionName, out var serial))
        {
            attempt.Serial = serial;
            attempt.SerialSource = "assume-role";
        }

        if (attempt.Session is null && best.RoleSessionName is not null && RoleSessionKey.TryFromRole(best.RoleArn, best.RoleSessionName, out var session))
        {
            attempt.Session = session;
        }
    }
}
