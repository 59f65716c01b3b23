namespace RolesAnywhere.Credentials.Authorization.Policies;

/// <summary>Whether a statement applies to one action of the request: principal, action, then every condition (ANDed).</summary>
internal static class StatementEvaluator
{
    public static (Truth Applies, string Reason) Evaluate(PolicyStatement statement, string action, RequestContext context, bool variablesEnabled)
    {
        var principal = statement.Principal.Matches(RolesAnywhereTrust.ServicePrincipal);
        if (principal == Truth.False)
        {
            return (Truth.False, $"{statement.Name} does not name the principal {RolesAnywhereTrust.ServicePrincipal}.");
        }

        if (!ActionMatcher.Covers(statement, action))
        {
            return (Truth.False, $"{statement.Name} does not cover {action}.");
        }

        var result = principal == Truth.Unknown ? Truth.Unknown : Truth.True;
        var reason = principal == Truth.Unknown
            ? statement.Principal.IsNotPrincipal
                ? $"{statement.Name} uses NotPrincipal, which this model does not evaluate."
                : $"{statement.Name} names the service principal in another letter case; IAM does not document whether principal names ignore case."
            : $"{statement.Name} has no condition.";
        var held = new List<string>();
        foreach (var condition in statement.Conditions)
        {
            var (truth, why) = ConditionEvaluator.Evaluate(condition, context, variablesEnabled);
            if (truth == Truth.False)
            {
                return (Truth.False, $"{statement.Name}: {why}");
            }

            if (truth == Truth.Unknown && result == Truth.True)
            {
                result = Truth.Unknown;
                reason = $"{statement.Name}: {why}";
            }
            else if (truth == Truth.True)
            {
                held.Add(why);
            }
        }

        if (result == Truth.True && held.Count > 0)
        {
            reason = $"{statement.Name}: " + string.Join("; ", held.Select(h => h.TrimEnd('.'))) + ".";
        }

        return (result, reason);
    }
}
