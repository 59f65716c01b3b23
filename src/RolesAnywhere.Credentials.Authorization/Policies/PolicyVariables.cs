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
        var i = 0;
        while (i < value.Length)
        {
            var start = value.IndexOf("${", i, StringComparison.Ordinal);
            var end = start < 0 ? -1 : value.IndexOf('}', start);
            if (start < 0 || end < 0)
            {
                segments.Add((value[i..], false));
                break;
            }

            segments.Add((value[i..start], false));
            var body = value[(start + 2)..end];
            switch (body)
            {
                case "*" or "?" or "$":
                    segments.Add((body, true));
                    break;
                default:
                    var (name, fallback) = SplitDefault(body);
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

                    break;
            }

            i = end + 1;
        }

        return (Truth.True, WildcardPattern.FromSegments(segments), null);
    }

    private static (string Name, string? Default) SplitDefault(string body)
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
