using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RolesAnywhere.Credentials.Authorization.Certificates;

/// <summary>
/// Builds the chain from the certificate to the trust anchor certificate with only the given intermediates (no downloads, no
/// online revocation), as the service does: "The signing certificate MUST have a valid trust chain to a Certificate Authority
/// (CA) certificate configured in the customer account" (https://docs.aws.amazon.com/rolesanywhere/latest/userguide/authentication.html).
/// An intermediate CA may itself be the trust anchor. Where the platform's chain builder cannot read a certificate at all
/// (ML-DSA keys or signatures before OpenSSL 3.5), the chain is reported as not checked rather than as invalid.
/// The one chain builder: <c>inspect</c>, the renewal checks and the emulator's CreateSession all use it.
/// </summary>
public static class CertificateChain
{
    /// <summary>The ML-DSA algorithm OIDs (FIPS 204; RFC 9881), as key or signature algorithm.</summary>
    private static readonly string[] MLDsaOids = ["2.16.840.1.101.3.4.3.17", "2.16.840.1.101.3.4.3.18", "2.16.840.1.101.3.4.3.19"];

    /// <summary>Builds and checks the chain from <paramref name="leaf"/> to <paramref name="anchor"/> at <paramref name="now"/>.</summary>
    /// <param name="leaf">The end-entity certificate.</param>
    /// <param name="intermediates">The only intermediates to use.</param>
    /// <param name="anchor">The trust anchor's certificate (a root, or an intermediate CA).</param>
    /// <param name="now">The time to check validity at.</param>
    /// <returns>The outcome: valid, invalid with the reason, or not checked on this platform with the reason.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static CertificateChainResult Build(X509Certificate2 leaf, IReadOnlyList<X509Certificate2> intermediates, X509Certificate2 anchor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        ArgumentNullException.ThrowIfNull(intermediates);
        ArgumentNullException.ThrowIfNull(anchor);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(anchor);
        chain.ChainPolicy.ExtraStore.AddRange(intermediates.ToArray());
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        bool built;
        try
        {
            built = chain.Build(leaf);
        }
        catch (CryptographicException e)
        {
            var mldsa = intermediates.Append(leaf).Append(anchor).FirstOrDefault(UsesMLDsa);
            return new(null, [], mldsa is null
                ? $"The chain from '{leaf.Subject}' to the trust anchor '{anchor.Subject}' could not be checked on this platform: {e.Message}"
                : $"The chain from '{leaf.Subject}' to the trust anchor '{anchor.Subject}' was not checked: '{mldsa.Subject}' uses ML-DSA, which this platform's X.509 chain builder cannot verify (it needs OpenSSL 3.5 or later, or Windows with ML-DSA in CNG).");
        }

        var path = chain.ChainElements.Select(e => e.Certificate).ToArray();
        var reachesAnchor = path.Any(c => c.RawDataMemory.Span.SequenceEqual(anchor.RawDataMemory.Span));
        if ((built || EndsAtIntermediateAnchor(chain, anchor)) && reachesAnchor)
        {
            return new(true, path, null);
        }

        var problems = string.Join("; ", chain.ChainStatus.Select(s => $"{s.Status}: {s.StatusInformation.Trim()}").Distinct());
        return new(false, path, $"No chain from '{leaf.Subject}' to the trust anchor '{anchor.Subject}' with {intermediates.Count} intermediate(s): {(problems.Length > 0 ? problems : "the chain ends elsewhere")}");
    }

    private static bool UsesMLDsa(X509Certificate2 certificate) =>
        Array.IndexOf(MLDsaOids, certificate.GetKeyAlgorithm()) >= 0 || Array.IndexOf(MLDsaOids, certificate.SignatureAlgorithm.Value) >= 0;

    private static bool EndsAtIntermediateAnchor(X509Chain chain, X509Certificate2 anchor)
    {
        const X509ChainStatusFlags Tolerated = X509ChainStatusFlags.PartialChain | X509ChainStatusFlags.UntrustedRoot;
        var selfIssued = anchor.SubjectName.RawData.AsSpan().SequenceEqual(anchor.IssuerName.RawData);
        return !selfIssued
            && chain.ChainElements[^1].Certificate.RawDataMemory.Span.SequenceEqual(anchor.RawDataMemory.Span)
            && chain.ChainStatus.All(s => (s.Status & ~Tolerated) == X509ChainStatusFlags.NoError)
            && chain.ChainElements.All(e => e.ChainElementStatus.All(s => (s.Status & ~Tolerated) == X509ChainStatusFlags.NoError));
    }
}
