namespace RolesAnywhere.Credentials.Authorization.Policies;

/// <summary>
/// ARN condition matching: "each of the six colon-delimited components of the ARN is checked separately and each can
/// include multi-character (<c>*</c>) or single-character (<c>?</c>) wildcards", case-sensitively.
/// Source: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN.
/// </summary>
internal static class ArnMatcher
{
    private const int Components = 6;

    public static bool Matches(string pattern, string value)
    {
        var patternParts = Split(pattern);
        var valueParts = Split(value);
        if (patternParts is null || valueParts is null)
        {
            return false;
        }

        for (var i = 0; i < Components; i++)
        {
            if (!WildcardPattern.Plain(patternParts[i]).Matches(valueParts[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The six components (the resource keeps its own colons), or <see langword="null"/> when it is not an ARN.</summary>
    public static string[]? Split(string arn)
    {
        var parts = arn.Split(':', Components);
        return parts.Length == Components ? parts : null;
    }
}
