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

    public int SessionsRefused { get; set; }

    public int Certificates { get; set; }

    public long LinkedCalls { get; set; }

    public static int Count(IReadOnlyList<Finding> findings, Severity severity) => findings.Count(f => f.Severity == severity);

    public void AddProblem(string problem)
    {
        Malformed++;
        if (Problems.Count < MaxProblemsListed)
        {
            Problems.Add(problem);
        }
    }
}
