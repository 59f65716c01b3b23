namespace RolesAnywhere.Credentials.Authorization.Policies;

/// <summary>
/// Policy variables in condition values: <c>${key}</c>, <c>${key, 'default'}</c>, and the literal escapes <c>${*}</c>,
/// <c>${?}</c>, <c>${$}</c>. Only with <c>"Version": "2012-10-17"</c>; in older policies the text is literal.
/// A variable the request cannot resolve "might cause the entire statement to be invalid" — the documentation leaves it
/// open, so without a default value that is reported as unsupported.
/// Source: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html.
/// </summary>
internal static class PolicyVariables
{
    public const string CurrentVersion = "2012-10-17";

    /// <summary>Resolves the variables of <paramref name="value"/>; <see cref="Truth.Unknown"/> with a reason when one cannot be resolved.</summary>
    public static (Truth Resolved, WildcardPattern? Pattern, string? Problem) Resolve(string value, bool variablesEnabled, RequestContext context)
    {
        if (!variablesEnabled || !value.Contains("${", StringComparison.Ordinal))
        {
            return (Truth.True, WildcardPattern.Plain(value), null);
        }

        var segments = new List<(string, bool)>();
        foreach (var (text, isReference) in Split(value))
        {
            if (!isReference || IsEscape(text))
            {
                // Literal text keeps its wildcards; an escape's character is literal.
                segments.Add((text, isReference));
                continue;
            }

            var (name, fallback) = SplitDefault(text);
            var resolved = context.Get(name);
            if (resolved.Present == Truth.Unknown)
            {
                return (Truth.Unknown, null, $"the policy variable ${{{name}}} names a key this model does not know.");
            }

            if (resolved.MultiValued)
            {
                return (Truth.Unknown, null, $"the policy variable ${{{name}}} names a multivalued key, which cannot be a variable.");
            }

            if (resolved.Present == Truth.True)
            {
                segments.Add((resolved.Values[0], true));
            }
            else if (fallback is not null)
            {
                segments.Add((fallback, true));
            }
            else
            {
                return (Truth.Unknown, null, $"the policy variable ${{{name}}} has no value in this request and no default ('${{{name}, 'default'}}'); IAM may then treat the statement as invalid.");
            }
        }

        return (Truth.True, WildcardPattern.FromSegments(segments), null);
    }

    /// <summary>
    /// The parts of a condition value in order: literal text, and the body of each <c>${…}</c> reference (a variable, with its
    /// default if any, or one of the escapes). An unterminated <c>${</c> is literal. The one reader of the syntax: evaluation,
    /// lint and the ARN checks use it.
    /// </summary>
    public static IEnumerable<(string Text, bool IsReference)> Split(string value)
    {
        var i = 0;
        while (i < value.Length)
        {
            var start = value.IndexOf("${", i, StringComparison.Ordinal);
            var end = start < 0 ? -1 : value.IndexOf('}', start);
            if (start < 0 || end < 0)
            {
                yield return (value[i..], false);
                yield break;
            }

            if (start > i)
            {
                yield return (value[i..start], false);
            }

            yield return (value[(start + 2)..end], true);
            i = end + 1;
        }
    }

    /// <summary>Whether a reference's body is one of the escapes <c>${*}</c>, <c>${?}</c>, <c>${$}</c> (a literal character, not a variable).</summary>
    public static bool IsEscape(string body) => body is "*" or "?" or "$";

    /// <summary>A variable reference's key name and its default (<c>${key, 'default'}</c>), or <see langword="null"/> without one.</summary>
    public static (string Name, string? Default) SplitDefault(string body)
    {
        var comma = body.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0)
        {
            return (body.Trim(), null);
        }

        var fallback = body[(comma + 1)..].Trim();
        if (fallback.Length >= 2 && fallback[0] == '\'' && fallback[^1] == '\'')
        {
            fallback = fallback[1..^1];
        }

        return (body[..comma].Trim(), fallback);
    }
}
