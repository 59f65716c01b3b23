namespace RolesAnywhere.Credentials.Authorization.Policies;

/// <summary>The family of a condition operator.</summary>
internal enum OperatorKind
{
    String,
    Arn,
    Null,
    Unsupported,
}
