using System.Security.Cryptography.X509Certificates;

namespace RolesAnywhere.Credentials.Authorization.Certificates;

/// <summary>
/// Builds the chain from the certificate to the trust anchor certificate with only the given intermediates (no downloads, no
/// online revocation), as the service does: "The signing certificate MUST have a valid trust chain to a Certificate Authority
/// (CA) certificate configured in the customer account" (https://docs.aws.amazon.com/rolesanywhere/latest/userguide/authentication.html).
/// An intermediate CA may itself be the trust anchor.
/// </summary>
internal static class ChainValidator
{
    public static (bool Valid, IReadOnlyList<X509Certificate2> Path, string? Problem) Build(
        X509Certificate2 leaf, IReadOnlyList<X509Certificate2> intermediates, X509Certificate2 anchor, DateTimeOffset now)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(anchor);
        chain.ChainPolicy.ExtraStore.AddRange(intermediates.ToArray());
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        var built = chain.Build(leaf);
        var path = chain.ChainElements.Select(e => e.Certificate).ToArray();
        var reachesAnchor = path.Any(c => c.RawDataMemory.Span.SequenceEqual(anchor.RawDataMemory.Span));
        if ((built || EndsAtIntermediateAnchor(chain, anchor)) && reachesAnchor)
        {
            return (true, path, null);
        }

        var problems = string.Join("; ", chain.ChainStatus.Select(s => $"{s.Status}: {s.StatusInformation.Trim()}").Distinct());
        return (false, path, $"No chain from '{leaf.Subject}' to the trust anchor '{anchor.Subject}' with {intermediates.Count} intermediate(s): {(problems.Length > 0 ? problems : "the chain ends elsewhere")}");
    }

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
