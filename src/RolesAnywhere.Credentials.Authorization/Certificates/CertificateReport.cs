namespace RolesAnywhere.Credentials.Authorization.Certificates;

/// <summary>The result of checking a certificate against the service's requirements.</summary>
public sealed class CertificateReport
{
    internal CertificateReport(IReadOnlyList<CertificateProblem> problems, bool? chainValid)
    {
        Problems = problems;
        ChainValid = chainValid;
    }

    /// <summary>Gets every problem found, errors first.</summary>
    public IReadOnlyList<CertificateProblem> Problems { get; }

    /// <summary>Gets whether the certificate chains to the trust anchor certificate (unrevoked, in validity), or <see langword="null"/> when no trust anchor was given or the chain could not be checked on this platform (ML-DSA before OpenSSL 3.5; a warning says so).</summary>
    public bool? ChainValid { get; }

    /// <summary>Gets a value indicating whether any problem is an <see cref="ProblemSeverity.Error"/>.</summary>
    public bool HasErrors => Problems.Any(p => p.Severity == ProblemSeverity.Error);
}
