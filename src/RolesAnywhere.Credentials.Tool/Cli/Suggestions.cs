namespace RolesAnywhere.Credentials.Tool.Cli;

/// <summary>"Did you mean": the known names closest to a misspelled one (a typo, a missing or doubled letter, two letters swapped).</summary>
internal static class Suggestions
{
    /// <summary>Returns the candidates within a small edit distance of <paramref name="typed"/>, closest first (at most three).</summary>
    public static IReadOnlyList<string> For(string typed, IEnumerable<string> candidates)
    {
        // One edit per four letters, at least one, at most three: "--certifcate" finds "--certificate", "--x" finds nothing.
        var limit = Math.Clamp(typed.Length / 4, 1, 3);
        return candidates
            .Select(c => (Name: c, Distance: Distance(typed, c)))
            .Where(c => c.Distance <= limit || (typed.Length >= 3 && c.Name.StartsWith(typed, StringComparison.Ordinal)))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(3)
            .Select(c => c.Name)
            .ToList();
    }

    /// <summary>Returns the hint sentence for <paramref name="typed"/>, or <see langword="null"/> when nothing is close.</summary>
    public static string? DidYouMean(string typed, IEnumerable<string> candidates) =>
        For(typed, candidates) switch
        {
            [] => null,
            [var one] => $"Did you mean {one}?",
            var several => $"Did you mean {string.Join(", ", several.Take(several.Count - 1))} or {several[^1]}?",
        };

    /// <summary>The optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours each cost one.</summary>
    internal static int Distance(string a, string b)
    {
        var rows = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            rows[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            rows[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(rows[i - 1, j] + 1, rows[i, j - 1] + 1), rows[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    best = Math.Min(best, rows[i - 2, j - 2] + 1);
                }

                rows[i, j] = best;
            }
        }

        return rows[a.Length, b.Length];
    }
}
