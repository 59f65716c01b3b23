namespace RolesAnywhere.Credentials.Authorization.Policies;

/// <summary>
/// ARN condition matching: "each of the six colon-delimited components of the ARN is checked separately and each can
/// include multi-character (<c>*</c>) or single-character (<c>?</c>) wildcards", case-sensitively.
/// Source: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN.
/// The wildcards are those of the pattern after policy variables are resolved: <c>${*}</c> and <c>${?}</c> are a literal
/// <c>*</c> and <c>?</c> there as everywhere (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-specialchars).
/// A pattern that is not six components (<c>"*"</c> alone), or a request value that is not an ARN, is not documented for the ARN operators: the answer is
/// <see cref="Truth.Unknown"/>, never a guess.
/// </summary>
internal static class ArnMatcher
{
    private const int Components = 6;

    public static Truth Matches(WildcardPattern pattern, string value)
    {
        var patternParts = pattern.SplitAtColons(Components);
        if (patternParts is null)
        {
            return Truth.Unknown;
        }

        // The ARN operators compare "a key to an ARN"; what they do with a request value that is not one is not documented.
        var valueParts = Split(value);
        if (valueParts is null)
        {
            return Truth.Unknown;
        }

        for (var i = 0; i < Components; i++)
        {
            if (!patternParts[i].Matches(valueParts[i]))
            {
                return Truth.False;
            }
        }

        return Truth.True;
    }

    /// <summary>
    /// Whether <paramref name="raw"/> (a condition value as written) has a policy variable before its resource part. Every
    /// variable names a key with a colon in it (<c>${aws:SourceAccount}</c>); whether IAM substitutes before it splits the
    /// pattern at colons is not documented (and the independent evaluator splits first), so such a pattern is "cannot tell".
    /// </summary>
    public static bool HasVariableBeforeResource(string raw)
    {
        var colons = 0;
        foreach (var (text, isReference) in PolicyVariables.Split(raw))
        {
            if (isReference)
            {
                if (!PolicyVariables.IsEscape(text))
                {
                    return true;
                }

                continue;
            }

            colons += text.Count(c => c == ':');
            if (colons >= Components - 1)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>The six components (the resource keeps its own colons), or <see langword="null"/> when it is not an ARN.</summary>
    public static string[]? Split(string arn)
    {
        var parts = arn.Split(':', Components);
        return parts.Length == Components ? parts : null;
    }
}
