namespace RolesAnywhere.Credentials.Authorization.Policies;

/// <summary>One condition of a statement: an operator, a context key and the values it is compared with.</summary>
/// <remarks>Condition element: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html.</remarks>
public sealed class PolicyCondition
{
    internal PolicyCondition(string @operator, string key, IReadOnlyList<string> values)
    {
        Operator = @operator;
        Key = key;
        Values = values;
        Parsed = ConditionOperator.Parse(@operator);
    }

    /// <summary>Gets the operator as written, such as <c>StringEquals</c> or <c>ForAnyValue:StringLike</c>.</summary>
    public string Operator { get; }

    /// <summary>Gets the context key as written, such as <c>aws:PrincipalTag/x509Subject/CN</c> (IAM compares keys case-insensitively).</summary>
    public string Key { get; }

    /// <summary>Gets the values (any of them may match; for negated operators none may).</summary>
    public IReadOnlyList<string> Values { get; }

    internal ConditionOperator Parsed { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Operator} {Key} {(Values.Count == 1 ? Values[0] : "[" + string.Join(", ", Values) + "]")}";
}
