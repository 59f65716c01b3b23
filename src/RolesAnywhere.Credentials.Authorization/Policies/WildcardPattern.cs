namespace RolesAnywhere.Credentials.Authorization.Policies;

/// <summary>
/// A value pattern after policy variables are resolved: <c>*</c> matches any run of characters (also none), <c>?</c> any one
/// character; characters from <c>${*}</c>, <c>${?}</c> and resolved variables are literal.
/// </summary>
internal sealed class WildcardPattern
{
    private const int AnyRun = -1;
    private const int AnyOne = -2;

    private readonly int[] _tokens;

    private WildcardPattern(int[] tokens, string literal, bool hasWildcards)
    {
        _tokens = tokens;
        Literal = literal;
        HasWildcards = hasWildcards;
    }

    /// <summary>Gets the text with wildcards as plain characters, for the equality operators.</summary>
    public string Literal { get; }

    public bool HasWildcards { get; }

    public static WildcardPattern FromSegments(IEnumerable<(string Text, bool Literal)> segments)
    {
        var tokens = new List<int>();
        var literal = new System.Text.StringBuilder();
        var wildcards = false;
        foreach (var (text, isLiteral) in segments)
        {
            literal.Append(text);
            foreach (var c in text)
            {
                if (!isLiteral && c == '*')
                {
                    tokens.Add(AnyRun);
                    wildcards = true;
                }
                else if (!isLiteral && c == '?')
                {
                    tokens.Add(AnyOne);
                    wildcards = true;
                }
                else
                {
                    tokens.Add(c);
                }
            }
        }

        return new WildcardPattern([.. tokens], literal.ToString(), wildcards);
    }

    public static WildcardPattern Plain(string text) => FromSegments([(text, false)]);

    /// <summary>
    /// Splits the pattern at its first <paramref name="count"/> − 1 colons (the last part keeps the rest), keeping each
    /// character's meaning: a <c>*</c> from <c>${*}</c> stays a literal in its component. <see langword="null"/> when the
    /// pattern has fewer parts.
    /// </summary>
    public WildcardPattern[]? SplitAtColons(int count)
    {
        var parts = new WildcardPattern[count];
        var start = 0;
        var found = 0;
        for (var i = 0; i < _tokens.Length && found < count - 1; i++)
        {
            if (_tokens[i] == ':')
            {
                parts[found++] = Slice(start, i);
                start = i + 1;
            }
        }

        if (found < count - 1)
        {
            return null;
        }

        parts[count - 1] = Slice(start, _tokens.Length);
        return parts;
    }

    private WildcardPattern Slice(int start, int end)
    {
        var tokens = _tokens[start..end];
        var literal = new string(tokens.Select(t => t switch { AnyRun => '*', AnyOne => '?', _ => (char)t }).ToArray());
        return new WildcardPattern(tokens, literal, tokens.Any(t => t is AnyRun or AnyOne));
    }

    /// <summary>Whether the whole of <paramref name="value"/> matches (greedy backtracking over <c>*</c>, linear in practice).</summary>
    public bool Matches(ReadOnlySpan<char> value, bool ignoreCase = false)
    {
        int p = 0, v = 0, starP = -1, starV = 0;
        while (v < value.Length)
        {
            if (p < _tokens.Length && _tokens[p] == AnyRun)
            {
                starP = p++;
                starV = v;
            }
            else if (p < _tokens.Length && (_tokens[p] == AnyOne || Same((char)_tokens[p], value[v], ignoreCase)))
            {
                p++;
                v++;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                v = ++starV;
            }
            else
            {
                return false;
            }
        }

        while (p < _tokens.Length && _tokens[p] == AnyRun)
        {
            p++;
        }

        return p == _tokens.Length;
    }

    /// <summary>Whether the pattern is made of wildcards only (it matches anything of some length).</summary>
    public bool IsOnlyWildcards => _tokens.Length > 0 && _tokens.All(t => t is AnyRun or AnyOne);

    private static bool Same(char a, char b, bool ignoreCase) =>
        a == b || (ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));
}
