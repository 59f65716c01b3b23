namespace RolesAnywhere.Credentials.Audit;

/// <summary>An input or a settings file cannot be used: the message names it and says what is wrong.</summary>
internal sealed class AuditInputException : Exception
{
    public AuditInputException(string message)
        : base(message)
    {
    }

    public AuditInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
