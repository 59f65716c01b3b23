using System.Globalization;
using System.Security.Cryptography.X509Certificates;

namespace RolesAnywhere.Credentials.Authorization.Certificates;

/// <summary>
/// Checks a certificate, its chain to a trust anchor and an optional CRL against what IAM Roles Anywhere requires, naming each
/// problem with its fix (rules on <see cref="CertificateRules"/>, chain on <see cref="CertificateChain"/>, CRL on <see cref="CertificateRevocationList"/>).
/// </summary>
public static class CertificateRequirements
{
    /// <summary>Checks the certificate.</summary>
    /// <param name="certificate">The end-entity certificate.</param>
    /// <param name="options">Intermediates, trust anchor, CRL and clock; <see langword="null"/> for the certificate alone, now.</param>
    /// <returns>The problems (errors first) and whether the chain is valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="certificate"/> is <see langword="null"/>.</exception>
    public static CertificateReport Check(X509Certificate2 certificate, CertificateCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        options ??= new CertificateCheckOptions();
        var now = options.TimeProvider.GetUtcNow();
        var problems = new List<CertificateProblem>();
        CertificateRules.CheckEndEntity(certificate, now, options.ExpiryWarning, problems);
        foreach (var intermediate in options.Intermediates)
        {
            CertificateRules.CheckCa(intermediate, "intermediate CA certificate", now, options.ExpiryWarning, problems);
        }

        bool? chainValid = null;
        if (options.TrustAnchor is { } anchor)
        {
            CertificateRules.CheckCa(anchor, "trust anchor certificate", now, options.ExpiryWarning, problems);
            chainValid = CheckChain(certificate, anchor, options, now, problems);
        }
        else if (options.RevocationList is not null)
        {
            problems.Add(new(ProblemSeverity.Warning, "CRL", "A CRL was given without the trust anchor certificate, so its signature cannot be checked; it is ignored.", "Pass the trust anchor certificate too."));
        }

        return new CertificateReport(problems.OrderByDescending(p => p.Severity).ToArray(), chainValid);
    }

    private static bool? CheckChain(X509Certificate2 certificate, X509Certificate2 anchor, CertificateCheckOptions options, DateTimeOffset now, List<CertificateProblem> problems)
    {
        var chain = CertificateChain.Build(certificate, options.Intermediates, anchor, now);
        var (checkedValid, path, problem) = (chain.IsValid, chain.Path, chain.Problem);
        if (checkedValid is not { } valid)
        {
            problems.Add(new(ProblemSeverity.Warning, certificate.Subject, problem!,
                "Check the chain where ML-DSA is supported: the emulator (RolesAnywhere.Credentials.Testing) verifies ML-DSA chains, as does `openssl verify` from OpenSSL 3.5."));
            if (options.RevocationList is not null)
            {
                problems.Add(new(ProblemSeverity.Warning, "CRL", "The CRL was not checked either: without the chain its issuer cannot be confirmed.", "Check the certificate's serial against the CRL with `openssl crl -noout -text`."));
            }

            return null;
        }

        if (!valid)
        {
            problems.Add(new(ProblemSeverity.Error, certificate.Subject, problem!,
                "Check that the trust anchor holds the CA that issued this certificate and pass every intermediate CA between them (--intermediates / IntermediatesPath)."));
        }

        if (options.RevocationList is { } crl)
        {
            valid &= CheckRevocation(crl, certificate, path, now, problems);
        }

        return valid;
    }

    private static bool CheckRevocation(byte[] data, X509Certificate2 leaf, IReadOnlyList<X509Certificate2> path, DateTimeOffset now, List<CertificateProblem> problems)
    {
        CertificateRevocationList crl;
        try
        {
            crl = CertificateRevocationList.Parse(data);
        }
        catch (FormatException e)
        {
            problems.Add(new(ProblemSeverity.Error, "CRL", e.Message, "Pass the CRL file your CA publishes (DER or PEM), as imported with 'aws rolesanywhere import-crl'."));
            return false;
        }

        var issuer = path.FirstOrDefault(c => c.SubjectName.RawData.AsSpan().SequenceEqual(crl.Issuer.RawData));
        if (issuer is null)
        {
            problems.Add(new(ProblemSeverity.Warning, "CRL", $"The CRL is issued by '{crl.Issuer.Name}', which is not in the chain of this certificate; it revokes nothing here.", "Pass the CRL of the CA that issued the certificate."));
            return true;
        }

        if (!crl.IsSignedBy(issuer))
        {
            problems.Add(new(ProblemSeverity.Error, "CRL", $"The CRL names '{crl.Issuer.Name}' as issuer but is not signed by that CA's key (or uses an unsupported signature algorithm).", "Use the CRL the CA itself signed."));
            return false;
        }

        if (crl.NextUpdate is { } next && next < now)
        {
            problems.Add(new(ProblemSeverity.Warning, "CRL", string.Create(CultureInfo.InvariantCulture, $"The CRL's nextUpdate ({next:u}) has passed; a newer CRL may revoke more."), "Import the CA's current CRL."));
        }

        var ok = true;
        foreach (var certificate in path.Where(c => c.IssuerName.RawData.AsSpan().SequenceEqual(crl.Issuer.RawData) && crl.IsRevoked(c)))
        {
            ok = false;
            problems.Add(new(ProblemSeverity.Error, certificate.Subject,
                $"The {(ReferenceEquals(certificate, leaf) || certificate.RawDataMemory.Span.SequenceEqual(leaf.RawDataMemory.Span) ? "certificate" : "intermediate CA certificate")} (serial {certificate.SerialNumber}) is revoked by the CRL.",
                "Issue a new certificate; a revoked one is refused with 'Untrusted signing certificate'."));
        }

        return ok;
    }
}
