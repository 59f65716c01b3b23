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

        // The one chain builder (Authorization), as inspect and the renewal checks use it.
        var chain = CertificateChain.Build(leaf, intermediates, anchor, now);
        if (chain.IsValid != true)
        {
            throw RequestRejectedException.Untrusted(chain.Problem!.Replace("intermediate(s)", "chain-header certificate(s)", StringComparison.Ordinal));
        }

        var elements = chain.Path.ToList();
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
