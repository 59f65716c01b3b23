namespace RolesAnywhere.Credentials.Authorization.Linting;

/// <summary>How serious a lint finding is, lowest first.</summary>
public enum LintSeverity
{
    /// <summary>Works, but is not what was probably meant.</summary>
    Low,

    /// <summary>Weakens the trust boundary.</summary>
    Medium,

    /// <summary>Lets certificates in that should not get in, or keeps everyone out.</summary>
    High,

    /// <summary>Sessions will fail.</summary>
    Error,
}
