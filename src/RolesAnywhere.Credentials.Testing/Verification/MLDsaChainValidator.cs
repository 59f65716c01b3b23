using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.Authorization.Certificates;

namespace RolesAnywhere.Credentials.Testing.Verification;

/// <summary>
/// Builds and checks the chain from a leaf to the trust anchor when a certificate on the way uses ML-DSA (as its key
/// or its signature), which the platform's <see cref="X509Chain"/> cannot verify before OpenSSL 3.5: each issuer is
/// found by name among the chain-header certificates and the anchor, its signature on the child verified (ML-DSA,
/// RSA PKCS#1 v1.5 or ECDSA with SHA-2), and it must be a CA, allowed to sign certificates, valid at the clock.
/// </summary>
internal static class MLDsaChainValidator
{
    /// <summary>Returns whether any certificate involved has an ML-DSA key or signature.</summary>
    public static bool Applies(X509Certificate2 leaf, IReadOnlyList<X509Certificate2> intermediates, X509Certificate2 anchor) =>
        intermediates.Append(leaf).Append(anchor).Any(c => MLDsaSignatures.HasMLDsaKey(c) || MLDsaSignatures.IsMLDsa(c.SignatureAlgorithm.Value));

    /// <summary>Returns the path from the leaf to the anchor, both included.</summary>
    /// <exception cref="RequestRejectedException">No valid path reaches the anchor.</exception>
    public static List<X509Certificate2> Build(X509Certificate2 leaf, IReadOnlyList<X509Certificate2> intermediates, X509Certificate2 anchor, DateTimeOffset now)
    {
        var path = new List<X509Certificate2> { leaf };
        var current = leaf;
        while (path.Count <= intermediates.Count + 1)
        {
            if (IsSignedBy(current, anchor))
            {
                CheckIssuer(anchor, now);
                path.Add(anchor);
                return path;
            }

            var issuer = intermediates.FirstOrDefault(c => !path.Contains(c) && IsSignedBy(current, c));
            if (issuer is null)
            {
                throw RequestRejectedException.Untrusted(string.Create(CultureInfo.InvariantCulture,
                    $"No chain from '{leaf.Subject}' to the trust anchor '{anchor.Subject}' using {intermediates.Count} chain-header certificate(s): nothing there issued and signed '{current.Subject}'."));
            }

            CheckIssuer(issuer, now);
            path.Add(issuer);
            current = issuer;
        }

        throw RequestRejectedException.Untrusted($"The chain of '{leaf.Subject}' loops without reaching the trust anchor '{anchor.Subject}'.");
    }

    private static bool IsSignedBy(X509Certificate2 child, X509Certificate2 issuer)
    {
        if (!child.IssuerName.RawData.AsSpan().SequenceEqual(issuer.SubjectName.RawData))
        {
            return false;
        }

        if (!X509Signature.TrySplit(child.RawData, out var tbs, out var algorithm, out var signature))
        {
            return false;
        }

        if (MLDsaSignatures.IsMLDsa(algorithm))
        {
            return string.Equals(issuer.GetKeyAlgorithm(), algorithm, StringComparison.Ordinal) && MLDsaSignatures.Verify(issuer, tbs.Span, signature);
        }

        return X509Signature.Verify(tbs.Span, algorithm, signature, issuer);
    }

    private static void CheckIssuer(X509Certificate2 issuer, DateTimeOffset now)
    {
        var notBefore = new DateTimeOffset(issuer.NotBefore.ToUniversalTime(), TimeSpan.Zero);
        var notAfter = new DateTimeOffset(issuer.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        if (now < notBefore || now > notAfter)
        {
            throw RequestRejectedException.Untrusted(string.Create(CultureInfo.InvariantCulture,
                $"The CA certificate '{issuer.Subject}' is not valid at {now:O} (valid {notBefore:O} to {notAfter:O})."));
        }

        if (!issuer.Extensions.OfType<X509BasicConstraintsExtension>().Any(b => b.CertificateAuthority))
        {
            throw RequestRejectedException.Untrusted($"The certificate '{issuer.Subject}' issued a certificate of the chain but is not a CA (basic constraints).");
        }

        var usage = issuer.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault();
        if (usage is not null && (usage.KeyUsages & X509KeyUsageFlags.KeyCertSign) == 0)
        {
            throw RequestRejectedException.Untrusted($"The CA certificate '{issuer.Subject}' has a key usage without keyCertSign.");
        }
    }
}
