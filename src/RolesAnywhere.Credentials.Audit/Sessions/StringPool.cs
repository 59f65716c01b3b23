namespace RolesAnywhere.Credentials.Audit.Sessions;

/// <summary>
/// Shares the strings that repeat across records (role, trust anchor and profile ARNs, subjects, addresses, input
/// names, error codes): each record is parsed into new strings, and kept evidence would otherwise hold one copy per
/// CreateSession. Bounded: at most <see cref="MaxEntries"/> distinct strings of at most <see cref="MaxLength"/>
/// characters are pooled; others are kept as they are.
/// </summary>
internal sealed class StringPool
{
    public const int MaxEntries = 64 * 1024;
    public const int MaxLength = 512;

    private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);

    public string? Intern(string? text)
    {
        if (text is null || text.Length > MaxLength)
        {
            return text;
        }

        if (_pool.TryGetValue(text, out var pooled))
        {
            return pooled;
        }

        if (_pool.Count < MaxEntries)
        {
            _pool[text] = text;
        }

        return text;
    }
}
