namespace RolesAnywhere.Credentials.Authorization.Certificates;

/// <summary>One way a certificate (or its chain, or the CRL) falls short of what IAM Roles Anywhere requires, with the fix.</summary>
public sealed class CertificateProblem
{
    internal CertificateProblem(ProblemSeverity severity, string certificate, string message, string fix)
    {
        Severity = severity;
        Certificate = certificate;
        Message = message;
        Fix = fix;
    }

    /// <summary>Gets the severity.</summary>
    public ProblemSeverity Severity { get; }

    /// <summary>Gets which certificate it concerns (its subject), or <c>CRL</c>.</summary>
    public string Certificate { get; }

    /// <summary>Gets what is wrong.</summary>
    public string Message { get; }

    /// <summary>Gets how to fix it.</summary>
    public string Fix { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Severity}: {Message} Fix: {Fix}";
}
