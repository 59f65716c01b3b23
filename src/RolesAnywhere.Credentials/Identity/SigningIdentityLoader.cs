using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography;
using RolesAnywhere.Credentials.Identity.Decoding;
using RolesAnywhere.Credentials.KeySources;
using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.Identity;

/// <summary>
/// Builds a <see cref="SigningIdentity"/> from configured sources: decodes them, picks the leaf
/// certificate, gathers intermediates, wraps or opens the key, and validates the result before any
/// request is made. Everything created here is disposed again when a later step fails.
/// </summary>
internal static class SigningIdentityLoader
{
    /// <summary>Loads the identity <paramref name="options"/> describe, validated at the time <paramref name="time"/> gives.</summary>
    /// <exception cref="RolesAnywhereConfigurationException">The sources are missing, unreadable, inconsistent or unusable.</exception>
    internal static SigningIdentity Load(RolesAnywhereOptions options, TimeProvider time) => Build(OpenSpec(options, time), time);

    /// <summary>The sources <paramref name="options"/> name, with a key named by reference opened (once) and kept in them.</summary>
    /// <exception cref="RolesAnywhereConfigurationException">The sources conflict, or the referenced key cannot be opened.</exception>
    internal static IdentitySpec OpenSpec(RolesAnywhereOptions options, TimeProvider time)
    {
        // A renewal killed mid-swap is completed before anything reads the pair (docs/renewal.md, crash consistency).
        Renewal.InterruptedSwap.CompleteIfAny(options.CertificatePath, options.PrivateKeyPath, options.IntermediatesPath);

        // Keys named by reference (certificate store, pkcs11: URI, TPM handle) are opened first, with the certificate kept next to them.
        var opened = SigningKeySourceResolver.TryOpen(options, time);
        return opened is null ? IdentitySpec.FromOptions(options) : SigningKeySourceResolver.SpecFor(options, opened);
    }

    /// <summary>Builds the identity <paramref name="spec"/> describes, validated at the time <paramref name="time"/> gives.</summary>
    /// <param name="spec">The sources.</param>
    /// <param name="time">The clock.</param>
    /// <param name="borrowOpenedKey">
    /// <see langword="true"/> when the key opened in <paramref name="spec"/> stays with whoever holds the spec (which is
    /// built again when files change); <see langword="false"/> to hand it to the identity, which disposes it.
    /// </param>
    /// <exception cref="RolesAnywhereConfigurationException">The sources are unreadable, inconsistent or unusable.</exception>
    internal static SigningIdentity Build(IdentitySpec spec, TimeProvider time, bool borrowOpenedKey = false)
    {
        ArgumentNullException.ThrowIfNull(time);
        var owned = new List<IDisposable>();
        try
        {
            var (certificates, embeddedKey, certificateSource) = ReadCertificates(spec, owned, ownOpenedCertificate: !borrowOpenedKey);
            var (key, keySource) = ReadKey(spec, embeddedKey, certificateSource, owned, borrowOpenedKey);
            var leaf = SelectLeaf(certificates, key as AsymmetricAlgorithm);
            var intermediates = GatherIntermediates(spec, certificates, leaf, owned);
            var algorithm = IdentityValidator.CheckCertificates(leaf, intermediates, certificateSource, time.GetUtcNow());
            var signingKey = key as ISigningKey ?? Own(Wrap((AsymmetricAlgorithm)key, keySource), owned);
            IdentityValidator.CheckKeyPair(leaf, algorithm, signingKey, certificateSource, keySource);

            var ownsKey = !ReferenceEquals(signingKey, spec.ExternalKey) && !(borrowOpenedKey && ReferenceEquals(signingKey, spec.OpenedKey?.SigningKey));
            var identity = new SigningIdentity(leaf, intermediates, signingKey, ownsKey, owned.OfType<X509Certificate2>().ToArray());
            owned.Clear();
            return identity;
        }
        finally
        {
            foreach (var item in owned)
            {
                item.Dispose();
            }
        }
    }

    private static (List<X509Certificate2> Certificates, AsymmetricAlgorithm? EmbeddedKey, string Source) ReadCertificates(IdentitySpec spec, List<IDisposable> owned, bool ownOpenedCertificate)
    {
        if (spec.CertificateObject is { } given)
        {
            // The certificate found next to an opened key goes with that key; a Certificate object of the caller's stays the caller's.
            if (ownOpenedCertificate && ReferenceEquals(given, spec.OpenedKey?.Certificate))
            {
                owned.Add(given);
            }

            var embedded = given.HasPrivateKey ? (AsymmetricAlgorithm?)given.GetRSAPrivateKey() ?? given.GetECDsaPrivateKey() : null;
            Own(embedded, owned);
            return ([given], embedded, "the Certificate object");
        }

        var input = spec.Certificate ?? throw new RolesAnywhereConfigurationException("No certificate is configured: set CertificatePath, CertificateData or Certificate.");
        using var material = input.Decode(spec.Password);
        var certificates = material.TakeCertificates();
        owned.AddRange(certificates);
        var key = spec.Key is null && spec.ExternalKey is null && spec.OpenedKey is null ? Own(material.TakeKey(), owned) : null;
        if (certificates.Count == 0)
        {
            throw new RolesAnywhereConfigurationException(
                $"{input.Source.SentencePhrase} holds no certificate{MaterialHints.ForMissingCertificate(material)}.");
        }

        return (certificates, key, input.Source.Description);
    }

    private static (object Key, string Source) ReadKey(IdentitySpec spec, AsymmetricAlgorithm? embedded, string certificateSource, List<IDisposable> owned, bool borrowOpenedKey)
    {
        if (spec.ExternalKey is { } external)
        {
            return (external, nameof(RolesAnywhereOptions.SigningKey));
        }

        if (spec.OpenedKey is { } openedKey)
        {
            var opened = borrowOpenedKey ? openedKey.SigningKey : Own(openedKey.SigningKey, owned);
            return (opened, openedKey.SigningKey.ToString() ?? "the opened key");
        }

        if (spec.Key is { } input)
        {
            using var material = input.Decode(spec.Password);
            if (material.Keys.Count > 1)
            {
                throw new RolesAnywhereConfigurationException(
                    $"{input.Source.SentencePhrase} holds {material.Keys.Count} private keys. Keep only the key the certificate was issued for.");
            }

            var key = material.TakeKey() ?? throw new RolesAnywhereConfigurationException(
                $"{input.Source.SentencePhrase} holds no private key{MaterialHints.ForMissingKey(material)}.");
            return (Own(key, owned), input.Source.Description);
        }

        return embedded is null
            ? throw new RolesAnywhereConfigurationException(
                $"No private key is configured, and the certificate source ({certificateSource}) holds none. Set PrivateKeyPath (a PEM or DER key file, or a pkcs11: URI), PrivateKeyData or SigningKey.")
            : (embedded, certificateSource);
    }

    /// <summary>
    /// The certificate whose public key is the software key's; else the first end-entity certificate; else the first. The one
    /// rule for which certificate of a bundle (PEM chain, PKCS#12) is the workload's: the credentials and the tool's
    /// <c>read-certificate-data</c> both use it.
    /// </summary>
    internal static X509Certificate2 SelectLeaf(List<X509Certificate2> certificates, AsymmetricAlgorithm? key)
    {
        if (certificates.Count == 1)
        {
            return certificates[0];
        }

        if (key is not null)
        {
            var publicKey = key.ExportSubjectPublicKeyInfo();
            var match = certificates.Find(c => CertificatePublicKey.Matches(c, publicKey));
            if (match is not null)
            {
                return match;
            }
        }

        return certificates.Find(c => !IsCertificateAuthority(c)) ?? certificates[0];
    }

    private static X509Certificate2Collection GatherIntermediates(IdentitySpec spec, List<X509Certificate2> fromCertificateSource, X509Certificate2 leaf, List<IDisposable> owned)
    {
        var all = new List<X509Certificate2>(fromCertificateSource);
        if (spec.Intermediates is { } input)
        {
            using var material = input.Decode(spec.Password);
            var certificates = material.TakeCertificates();
            owned.AddRange(certificates);
            if (certificates.Count == 0)
            {
                throw new RolesAnywhereConfigurationException(
                    $"{input.Source.SentencePhrase} holds no certificate{MaterialHints.ForMissingCertificate(material)}.");
            }

            all.AddRange(certificates);
        }

        if (spec.IntermediateObjects is { } objects)
        {
            all.AddRange(objects);
        }

        // The chain is what sits between the leaf and the trust anchor: no leaf, no self-signed root, no repeats.
        var chain = new X509Certificate2Collection();
        var seen = new HashSet<string>(StringComparer.Ordinal) { leaf.Thumbprint };
        foreach (var certificate in all)
        {
            if (!IsSelfIssued(certificate) && seen.Add(certificate.Thumbprint))
            {
                chain.Add(certificate);
            }
        }

        return chain;
    }

    private static bool IsSelfIssued(X509Certificate2 certificate) =>
        certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData);

    private static bool IsCertificateAuthority(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509BasicConstraintsExtension>().Any(e => e.CertificateAuthority);

    private static ISigningKey Wrap(AsymmetricAlgorithm key, string keySource)
    {
        try
        {
            return key switch
            {
                RSA rsa => new AsymmetricSigningKey(rsa),
                ECDsa ecdsa => new AsymmetricSigningKey(ecdsa),
                MLDsaPrivateKey mldsa => mldsa.TakeSigningKey(),
                _ => throw new RolesAnywhereConfigurationException($"The private key from {keySource} is neither RSA, ECDSA nor ML-DSA."),
            };
        }
        catch (RolesAnywhereConfigurationException ex)
        {
            throw new RolesAnywhereConfigurationException($"The private key from {keySource} cannot sign: {ex.Message}", ex);
        }
    }

    private static T Own<T>(T item, List<IDisposable> owned)
        where T : IDisposable?
    {
        if (item is not null)
        {
            owned.Add(item);
        }

        return item;
    }
}
