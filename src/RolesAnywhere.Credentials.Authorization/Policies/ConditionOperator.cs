namespace RolesAnywhere.Credentials.Authorization.Policies;

/// <summary>
/// A condition operator taken apart: the set qualifier, the base operator and <c>IfExists</c>.
/// </summary>
/// <remarks>
/// The modelled operators and their rules, from
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html:
/// <list type="table">
/// <item><term>StringEquals / StringNotEquals</term><description>exact, case-sensitive</description></item>
/// <item><term>StringEqualsIgnoreCase / StringNotEqualsIgnoreCase</term><description>exact, ignoring case</description></item>
/// <item><term>StringLike / StringNotLike</term><description>case-sensitive, <c>*</c> and <c>?</c> wildcards</description></item>
/// <item><term>ArnEquals / ArnLike (and the Not forms)</term><description>case-sensitive per ARN component, wildcards in each (ArnEquals behaves as ArnLike)</description></item>
/// <item><term>…IfExists</term><description>true when the key is absent, else the base operator</description></item>
/// <item><term>Null</term><description><c>true</c>: the key is absent; <c>false</c>: present</description></item>
/// </list>
/// A key absent from the request makes a condition false, except for negated operators (true), <c>…IfExists</c> and <c>Null</c>.
/// Set qualifiers (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html):
/// <c>ForAnyValue:</c> needs one request value to match and is false for an absent or empty key; <c>ForAllValues:</c> needs every
/// request value to match and is true for an absent or empty key. Anything else (Numeric, Date, Bool, IP, Binary operators) is
/// reported as unsupported, never evaluated.
/// </remarks>
internal sealed record ConditionOperator(
    string Written,
    SetQualifier Qualifier,
    OperatorKind Kind,
    bool Negated,
    bool IgnoreCase,
    bool Like,
    bool IfExists,
    string? UnsupportedReason)
{
    private const string IfExistsSuffix = "IfExists";

    private static readonly string[] KnownUnmodelled =
    [
        "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals",
        "DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals",
        "Bool", "BinaryEquals", "IpAddress", "NotIpAddress",
    ];

    public bool IsSupported => UnsupportedReason is null;

    /// <summary>Gets a value indicating whether the name is no IAM condition operator at all (IAM refuses such a policy).</summary>
    public bool IsUnknownToIam { get; init; }

    public static ConditionOperator Parse(string written)
    {
        var rest = written;
        var qualifier = SetQualifier.None;
        if (rest.StartsWith("ForAnyValue:", StringComparison.Ordinal))
        {
            qualifier = SetQualifier.ForAnyValue;
            rest = rest["ForAnyValue:".Length..];
        }
        else if (rest.StartsWith("ForAllValues:", StringComparison.Ordinal))
        {
            qualifier = SetQualifier.ForAllValues;
            rest = rest["ForAllValues:".Length..];
        }

        var ifExists = rest.EndsWith(IfExistsSuffix, StringComparison.Ordinal) && rest != IfExistsSuffix;
        var baseName = ifExists ? rest[..^IfExistsSuffix.Length] : rest;
        var unsupported = new ConditionOperator(written, qualifier, OperatorKind.Unsupported, false, false, false, ifExists, null);
        switch (baseName)
        {
            case "StringEquals": return Supported(OperatorKind.String, negated: false, ignoreCase: false, like: false);
            case "StringNotEquals": return Supported(OperatorKind.String, negated: true, ignoreCase: false, like: false);
            case "StringEqualsIgnoreCase": return Supported(OperatorKind.String, negated: false, ignoreCase: true, like: false);
            case "StringNotEqualsIgnoreCase": return Supported(OperatorKind.String, negated: true, ignoreCase: true, like: false);
            case "StringLike": return Supported(OperatorKind.String, negated: false, ignoreCase: false, like: true);
            case "StringNotLike": return Supported(OperatorKind.String, negated: true, ignoreCase: false, like: true);
            case "ArnEquals": return Supported(OperatorKind.Arn, negated: false, ignoreCase: false, like: false);
            case "ArnLike": return Supported(OperatorKind.Arn, negated: false, ignoreCase: false, like: true);
            case "ArnNotEquals": return Supported(OperatorKind.Arn, negated: true, ignoreCase: false, like: false);
            case "ArnNotLike": return Supported(OperatorKind.Arn, negated: true, ignoreCase: false, like: true);
            case "Null" when !ifExists && qualifier == SetQualifier.None: return Supported(OperatorKind.Null, negated: false, ignoreCase: false, like: false);
            case "Null":
                return unsupported with { UnsupportedReason = $"'{written}': Null takes neither IfExists nor a set qualifier." };
        }

        if (KnownUnmodelled.Contains(baseName, StringComparer.Ordinal))
        {
            return unsupported with { UnsupportedReason = $"the operator '{written}' is outside the modelled subset (String*, Arn*, …IfExists, Null, ForAnyValue:/ForAllValues:)." };
        }

        var hint = Array.Find(
            ["StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike", "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike", "Null", .. KnownUnmodelled],
            k => string.Equals(k, baseName, StringComparison.OrdinalIgnoreCase));
        return unsupported with
        {
            IsUnknownToIam = true,
            UnsupportedReason = hint is null
                ? $"'{written}' is not an IAM condition operator."
                : $"'{written}' is not an IAM condition operator (operator names are case-sensitive: did you mean '{hint}'?).",
        };

        ConditionOperator Supported(OperatorKind kind, bool negated, bool ignoreCase, bool like) =>
            new(written, qualifier, kind, negated, ignoreCase, like, ifExists, null);
    }
}
