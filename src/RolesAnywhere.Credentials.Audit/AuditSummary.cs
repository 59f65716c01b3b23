using RolesAnywhere.Credentials.Audit.Rules;

namespace RolesAnywhere.Credentials.Audit;

/// <summary>What was read and found, for the report's summary.</summary>
internal sealed class AuditSummary
{
    public const int MaxProblemsListed = 20;

    public int Documents { get; set; }

    /// <summary>Documents with no <c>Records</c>/<c>Events</c> array (digest files, other JSON), skipped.</summary>
    public int OtherDocuments { get; set; }

    public long Records { get; set; }

    public long OutsidePeriod { get; set; }

    public long Malformed { get; set; }

    /// <summary>The first problems, each naming the document and record.</summary>
    public List<string> Problems { get; } = [];

    public int SessionsIssued { get; set; }

    public long SessionsRefused { get; set; }

    /// <summary>Refused CreateSession calls counted but not examined by the rules (<see cref="Sessions.RefusedCalls"/> caps).</summary>
    public long RefusedNotKept { get; set; }

    /// <summary>Of those, calls from addresses beyond the number counted one by one.</summary>
    public long RefusedFromUntrackedSources { get; set; }

    public int Certificates { get; set; }

    public long LinkedCalls { get; set; }

    /// <summary>Inputs that could not be read to their end, each naming the input, why, and how far reading got.</summary>
    public List<string> IncompleteInputs { get; } = [];

    /// <summary>Records holding bytes that are not UTF-8; each was read with U+FFFD in place of the bad bytes.</summary>
    public long InvalidUtf8Records { get; set; }

    /// <summary>CreateSession calls by the kind of their <c>sourceIPAddress</c> (<see cref="Records.SourceAddress"/>).</summary>
    public Dictionary<Records.SourceAddressKind, int> CreateSessionSources { get; } = [];

    public static int Count(IReadOnlyList<Finding> findings, Severity severity) => findings.Count(f => f.Severity == severity);

    public void AddProblem(string problem)
    {
        Malformed++;
        Note(problem);
    }

    /// <summary>Lists a problem without counting a malformed record (the record was still read).</summary>
    public void Note(string problem)
    {
        if (Problems.Count < MaxProblemsListed)
        {
            Problems.Add(problem);
        }
    }

    /// <summary>Records that an input was not read to its end; the run fails with exit 2 unless partial input is allowed.</summary>
    public void AddIncomplete(string input, string reason, long recordsRead)
    {
        if (IncompleteInputs.Count < MaxProblemsListed)
        {
            IncompleteInputs.Add($"{input}: {reason}; {recordsRead} record(s) were read before that");
        }
        else if (IncompleteInputs.Count == MaxProblemsListed)
        {
            IncompleteInputs.Add("… and more");
        }

        IncompleteCount++;
    }

    public int IncompleteCount { get; private set; }
}
