namespace RolesAnywhere.Credentials.Renewal;

/// <summary>
/// A certificate authority that signs a certificate signing request (CSR) for the renewal of a certificate:
/// a command (<see cref="CommandCertificateIssuer"/>), a CFSSL server (<see cref="CfsslCertificateIssuer"/>), or one
/// of your own.
/// </summary>
/// <remarks>
/// The issuer only signs. Everything it returns is checked before it replaces the current certificate (matching
/// key, validity, subject and names, chain to the trust anchor), so an issuer need not be trusted to be right.
/// </remarks>
public interface ICertificateIssuer
{
    /// <summary>Asks the CA to sign <paramref name="request"/>.</summary>
    /// <param name="request">The CSR, signed by the new key, with the subject and names of the current certificate.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The issued certificate, and the chain when the CA returned one.</returns>
    /// <exception cref="CertificateRenewalException">The CA refused, could not be reached, or answered with something that is not a certificate.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    Task<IssuedCertificate> IssueAsync(CertificateSigningRequest request, CancellationToken cancellationToken);
}
