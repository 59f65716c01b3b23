namespace RolesAnywhere.Credentials.Authorization.Certificates;

/// <summary>How serious a certificate problem is.</summary>
public enum ProblemSeverity
{
    /// <summary>Worth knowing; nothing fails because of it.</summary>
    Info,

    /// <summary>Against the documented requirements or close to failing (for example expiring soon), but the service may still accept it.</summary>
    Warning,

    /// <summary>The service refuses the certificate.</summary>
    Error,
}
