using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.Authorization.Certificates;

namespace RolesAnywhere.Credentials.Testing.Verification;

/// <summary>
/// Builds the chain from the leaf to one trust anchor, with the chain header's certificates as the only
/// intermediates (no downloads, no online revocation), at the emulator's clock; then checks the emulator's
/// revocation list by serial number.
/// </summary>
internal static class TrustValidator
{
    /// <exception cref="RequestRejectedException">The leaf is not trusted by <paramref name="anchor"/> at <paramref name="now"/>.</exception>
    public static void Validate(
        X509Certificate2 leaf,
        IReadOnlyList<X509Certificate2> intermediates,
        X509Certificate2 anchor,
        DateTimeOffset now,
        Func<CertificateSerialNumber, bool> isRevoked)
    {
        CheckValidity(leaf, now, "The signing certificate");
        CheckKeyUsage(leaf);

        if (MLDsaChainValidator.Applies(leaf, intermediates, anchor))
        {
            CheckRevocation(MLDsaChainValidator.Build(leaf, intermediates, anchor, now), isRevoked);
            return;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(anchor);
        chain.ChainPolicy.ExtraStore.AddRange(intermediates.ToArray());
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.VerificationTime = now.LocalDateTime;
        chain.ChainPolicy.UrlRetrievalTimeout = TimeSpan.FromMilliseconds(1);
        if (!chain.Build(leaf) && !EndsAtIntermediateAnchor(chain, anchor))
        {
            var problems = string.Join("; ", chain.ChainStatus.Select(s => $"{s.Status}: {s.StatusInformation.Trim()}"));
            throw RequestRejectedException.Untrusted(
                $"No chain from '{leaf.Subject}' to the trust anchor '{anchor.Subject}' using {intermediates.Count} chain-header certificate(s): {problems}");
        }

        var elements = chain.ChainElements.Select(e => e.Certificate).ToList();
        if (!elements.Any(c => c.RawDataMemory.Span.SequenceEqual(anchor.RawDataMemory.Span)))
        {
            throw RequestRejectedException.Untrusted($"The chain of '{leaf.Subject}' does not end at the trust anchor '{anchor.Subject}'.");
        }

        CheckRevocation(elements, isRevoked);
    }

    private static void CheckRevocation(List<X509Certificate2> elements, Func<CertificateSerialNumber, bool> isRevoked)
    {
        foreach (var certificate in elements)
        {
            var serial = CertificateSerialNumber.FromBigEndian(certificate.SerialNumberBytes.Span);
            if (isRevoked(serial))
            {
                throw RequestRejectedException.Untrusted(string.Create(CultureInfo.InvariantCulture,
                    $"The certificate '{certificate.Subject}' (serial {serial}) is revoked."));
            }
        }
    }

    /// <summary>
    /// An intermediate CA can be a trust anchor: the platform then reports a partial chain (it cannot reach a
    /// self-signed root), which is acceptable when the chain reaches the anchor and nothing else is wrong.
    /// </summary>
    private static bool EndsAtIntermediateAnchor(X509Chain chain, X509Certificate2 anchor)
    {
        const X509ChainStatusFlags Tolerated = X509ChainStatusFlags.PartialChain | X509ChainStatusFlags.UntrustedRoot;
        var selfIssued = anchor.SubjectName.RawData.AsSpan().SequenceEqual(anchor.IssuerName.RawData);
        var last = chain.ChainElements[^1].Certificate;
        return !selfIssued
            && last.RawDataMemory.Span.SequenceEqual(anchor.RawDataMemory.Span)
            && chain.ChainStatus.All(s => (s.Status & ~Tolerated) == X509ChainStatusFlags.NoError)
            && chain.ChainElements.All(e => e.ChainElementStatus.All(s => (s.Status & ~Tolerated) == X509ChainStatusFlags.NoError));
    }

    private static void CheckValidity(X509Certificate2 certificate, DateTimeOffset now, string what)
    {
        var notBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero);
        var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        if (now < notBefore)
        {
            throw RequestRejectedException.Untrusted(string.Create(CultureInfo.InvariantCulture,
                $"{what} '{certificate.Subject}' is not valid before {notBefore:O} (server clock {now:O})."));
        }

        if (now > notAfter)
        {
            throw RequestRejectedException.Untrusted(string.Create(CultureInfo.InvariantCulture,
                $"{what} '{certificate.Subject}' expired at {notAfter:O} (server clock {now:O})."));
        }
    }

    private static void CheckKeyUsage(X509Certificate2 leaf)
    {
        var usage = leaf.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault();
        if (usage is not null && (usage.KeyUsages & X509KeyUsageFlags.DigitalSignature) == 0)
        {
            throw RequestRejectedException.Untrusted($"The signing certificate '{leaf.Subject}' has a key usage without digitalSignature.");
        }
    }
}
