namespace RolesAnywhere.Credentials.Authorization.Policies;

/// <summary>The set qualifier of a condition operator.</summary>
internal enum SetQualifier
{
    None,
    ForAnyValue,
    ForAllValues,
}
