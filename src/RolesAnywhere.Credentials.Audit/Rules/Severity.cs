namespace RolesAnywhere.Credentials.Audit.Rules;

/// <summary>How urgent a finding is; <c>--fail-on</c> compares against it.</summary>
internal enum Severity
{
    Low = 1,
    Medium = 2,
    High = 3,
}
