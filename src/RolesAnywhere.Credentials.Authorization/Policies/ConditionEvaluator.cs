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

        if (op.Kind == OperatorKind.Arn && variablesEnabled && condition.Values.FirstOrDefault(ArnMatcher.HasVariableBeforeResource) is { } early)
        {
            return (Truth.Unknown, $"{Describe(condition)}: '{early}' has a policy variable before the resource part of the ARN; whether IAM substitutes it before splitting the ARN at colons is not documented.");
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

        if (actual.Present == Truth.Unknown)
        {
            return (Truth.Unknown, $"IAM does not document the value of '{condition.Key}' here (a key the Service Authorization Reference does not list for this action, or a repeated attribute, multi-valued RDN or repeated CN in the certificate; see the dropped tags), so {Describe(condition)} cannot be decided.");
        }

        var present = actual.Present == Truth.True;
        if (!present)
        {
            if (op.IfExists && op.Qualifier != SetQualifier.None)
            {
                // IfExists makes an absent key true; ForAnyValue makes it false (ForAllValues true): which wins together is not documented.
                return (Truth.Unknown, $"{Describe(condition)}: '{condition.Key}' is absent, and IAM does not document how IfExists combines with {op.Qualifier}: for an absent key.");
            }

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

        Truth Satisfies(string requestValue)
        {
            var any = Truth.False;
            foreach (var pattern in patterns)
            {
                var match = Match(op, pattern, requestValue);
                if (match == Truth.True)
                {
                    any = Truth.True;
                    break;
                }

                if (match == Truth.Unknown)
                {
                    any = Truth.Unknown;
                }
            }

            return any == Truth.Unknown ? Truth.Unknown : (any == Truth.True) != op.Negated ? Truth.True : Truth.False;
        }

        var outcomes = actual.Values.Select(Satisfies).ToArray();
        var combined = op.Qualifier == SetQualifier.ForAllValues
            ? outcomes.Contains(Truth.False) ? Truth.False : outcomes.Contains(Truth.Unknown) ? Truth.Unknown : Truth.True
            : outcomes.Contains(Truth.True) ? Truth.True : outcomes.Contains(Truth.Unknown) ? Truth.Unknown : Truth.False;
        if (combined == Truth.Unknown)
        {
            return (Truth.Unknown, $"{Describe(condition)}: the ARN operators are documented for comparing an ARN with an ARN pattern of six colon-separated parts; this compares {(actual.Values.Any(v => ArnMatcher.Split(v) is null) ? "a request value that is not an ARN" : "a pattern of fewer parts (such as \"*\")")}, so it cannot be decided.");
        }

        var ok = combined == Truth.True;
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

    private static Truth Match(ConditionOperator op, WildcardPattern pattern, string value) => op.Kind switch
    {
        OperatorKind.Arn => ArnMatcher.Matches(pattern, value),
        _ when op.Like => pattern.Matches(value) ? Truth.True : Truth.False,
        _ => string.Equals(pattern.Literal, value, op.IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal) ? Truth.True : Truth.False,
    };

    private static string Describe(PolicyCondition condition) => $"{condition.Operator} {{\"{condition.Key}\": {Values(condition.Values)}}}";

    private static string Values(IReadOnlyList<string> values) =>
        values.Count == 1 ? $"\"{values[0]}\"" : "[" + string.Join(", ", values.Select(v => $"\"{v}\"")) + "]";
}
