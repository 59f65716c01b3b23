namespace RolesAnywhere.Credentials.Authorization.Policies;

/// <summary>
/// <c>Action</c>/<c>NotAction</c> matching: action names are case-insensitive and may use <c>*</c> and <c>?</c>.
/// Source: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html.
/// </summary>
internal static class ActionMatcher
{
    public static bool Covers(PolicyStatement statement, string action)
    {
        var listed = statement.Actions.Any(a => WildcardPattern.Plain(a).Matches(action, ignoreCase: true));
        return statement.IsNotAction ? !listed : listed;
    }
}
