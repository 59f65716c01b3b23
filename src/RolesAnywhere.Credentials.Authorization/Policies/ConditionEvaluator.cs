namespace RolesAnywhere.Credentials.Authorization.Policies;

/// <summary>
/// Evaluates one condition against the request context, in three-valued logic, with the reason in words. The rules are those
/// listed on <see cref="ConditionOperator"/>; several values of one key are ORed for positive operators and must all differ
/// for negated ones (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html).
/// </summary>
internal static class ConditionEvaluator
{
    public static (Truth Result, string Reason) Evaluate(PolicyCondition condition, RequestContext context, bool variablesEnabled)
    {
        var op = condition.Parsed;
        if (!op.IsSupported)
        {
            return (Truth.Unknown, op.UnsupportedReason!);
        }

        if (!RequestContext.IsKnownKey(condition.Key))
        {
            return (Truth.Unknown, $"the key '{condition.Key}' is not one this model knows for a Roles Anywhere AssumeRole (aws:SourceArn, aws:SourceAccount, aws:PrincipalTag/…, aws:RequestTag/…, aws:TagKeys, sts:SourceIdentity, sts:RoleSessionName).");
        }

        var actual = context.Get(condition.Key);
        if (op.Kind == OperatorKind.Null)
        {
            return EvaluateNull(condition, actual);
        }

        if (actual.MultiValued && op.Qualifier == SetQualifier.None)
        {
            return (Truth.Unknown, $"'{condition.Key}' is multivalued; write ForAnyValue:{op.Written} or ForAllValues:{op.Written}.");
        }

        var patterns = new List<WildcardPattern>();
        foreach (var value in condition.Values)
        {
            var (resolved, pattern, problem) = PolicyVariables.Resolve(value, variablesEnabled, context);
            if (resolved == Truth.Unknown)
            {
                return (Truth.Unknown, problem!);
            }

            patterns.Add(pattern!);
        }

        var present = actual.Present == Truth.True;
        if (!present)
        {
            if (op.IfExists)
            {
                return (Truth.True, $"{Describe(condition)} holds: the key is absent and the operator ends in IfExists.");
            }

            var absentResult = op.Qualifier switch
            {
                SetQualifier.ForAllValues => Truth.True,
                SetQualifier.ForAnyValue => Truth.False,
                _ => op.Negated ? Truth.True : Truth.False,
            };
            return (absentResult, $"{Describe(condition)} {(absentResult == Truth.True ? "holds" : "fails")}: '{condition.Key}' is absent from the request.");
        }

        bool Satisfies(string requestValue)
        {
            var any = patterns.Any(p => Match(op, p, requestValue));
            return op.Negated ? !any : any;
        }

        var ok = op.Qualifier == SetQualifier.ForAllValues ? actual.Values.All(Satisfies) : actual.Values.Any(Satisfies);
        var got = actual.Values.Count == 1 ? $"'{actual.Values[0]}'" : "[" + string.Join(", ", actual.Values.Select(v => $"'{v}'")) + "]";
        return (ok ? Truth.True : Truth.False, $"{Describe(condition)} {(ok ? "holds" : "fails")}: the request has {got}.");
    }

    private static (Truth, string) EvaluateNull(PolicyCondition condition, ContextValue actual)
    {
        if (actual.Present == Truth.Unknown)
        {
            return (Truth.Unknown, $"cannot tell whether '{condition.Key}' is present.");
        }

        var absent = actual.Present == Truth.False;
        var any = false;
        foreach (var value in condition.Values)
        {
            if (!bool.TryParse(value, out var wantsAbsent))
            {
                return (Truth.Unknown, $"Null takes true or false, not '{value}'.");
            }

            any |= wantsAbsent == absent;
        }

        return (any ? Truth.True : Truth.False, $"{Describe(condition)} {(any ? "holds" : "fails")}: '{condition.Key}' is {(absent ? "absent" : "present")}.");
    }

    private static bool Match(ConditionOperator op, WildcardPattern pattern, string value) => op.Kind switch
    {
        OperatorKind.Arn => ArnMatcher.Matches(pattern.Literal, value),
        _ when op.Like => pattern.Matches(value),
        _ => string.Equals(pattern.Literal, value, op.IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal),
    };

    private static string Describe(PolicyCondition condition) => $"{condition.Operator} {{\"{condition.Key}\": {Values(condition.Values)}}}";

    private static string Values(IReadOnlyList<string> values) =>
        values.Count == 1 ? $"\"{values[0]}\"" : "[" + string.Join(", ", values.Select(v => $"\"{v}\"")) + "]";
}
