namespace RolesAnywhere.Credentials.Audit.Sessions;

/// <summary>
/// Bounds what refused CreateSession calls can make the audit hold. Anyone can make such calls (refused ones need no
/// valid certificate), so their number and source addresses are the attacker's to choose: per address at most
/// <see cref="MaxKeptPerSource"/> calls are kept for the rules (enough for any burst threshold up to that), at most
/// <see cref="MaxKept"/> in all, and at most <see cref="MaxSources"/> addresses are counted one by one. Beyond that
/// calls are only counted, and the report says how many were not examined. Sessions that were issued are always kept.
/// </summary>
internal sealed class RefusedCalls
{
    public const int MaxKeptPerSource = 64;
    public const int MaxKept = 50_000;
    public const int MaxSources = 200_000;

    /// <summary>Attacker-chosen text (ARNs, messages) of a kept refused call is cut to this many characters.</summary>
    public const int MaxFieldLength = 256;

    private readonly Dictionary<string, RefusedSource> _bySource = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, RefusedSource> BySource => _bySource;

    public long Total { get; private set; }

    public int Kept { get; private set; }

    /// <summary>Calls from addresses beyond the first <see cref="MaxSources"/>, counted only.</summary>
    public long FromUntrackedSources { get; private set; }

    /// <summary>Calls counted but not kept for the rules, whatever the reason.</summary>
    public long NotKept => Total - Kept;

    /// <summary>Counts a refused call from <paramref name="source"/>; <see langword="true"/> when it is to be kept for the rules.</summary>
    public bool Admit(string source)
    {
        Total++;
        if (!_bySource.TryGetValue(source, out var state))
        {
            if (_bySource.Count >= MaxSources)
            {
                FromUntrackedSources++;
                return false;
            }

            state = new RefusedSource();
            _bySource[source] = state;
        }

        state.Total++;
        if (state.Kept >= MaxKeptPerSource || Kept >= MaxKept)
        {
            return false;
        }

        state.Kept++;
        Kept++;
        return true;
    }

    public static string? Cut(string? text) =>
        text is null || text.Length <= MaxFieldLength ? text : string.Concat(text.AsSpan(0, MaxFieldLength - 1), "…");
}
