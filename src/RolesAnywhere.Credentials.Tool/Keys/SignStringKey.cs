using System.Security.Cryptography;
using RolesAnywhere.Credentials.Identity.Decoding;
using RolesAnywhere.Credentials.KeySources;
using RolesAnywhere.Credentials.KeySources.CertificateStore;
using RolesAnywhere.Credentials.KeySources.OpenSsl;
using RolesAnywhere.Credentials.Signing;
using RolesAnywhere.Credentials.Tool.Cli;

namespace RolesAnywhere.Credentials.Tool.Keys;

/// <summary>
/// The private key <c>sign-string</c> signs with, from wherever the flags name it: a file, the OS
/// certificate store, a TPM 2.0 handle or a PKCS#11 token. Keys this process drives through a platform
/// key (files, the store, the TPM through OpenSSL) sign over any of the three digests; a PKCS#11 key signs
/// SHA-256 only, with the mechanisms CreateSession needs.
/// </summary>
internal sealed class SignStringKey : IDisposable
{
    private readonly IDisposable owner;
    private readonly AsymmetricAlgorithm? platformKey;
    private readonly ISigningKey? signingKey;

    private SignStringKey(AsymmetricAlgorithm key)
    {
        owner = key;
        platformKey = key;
    }

    private SignStringKey(ISigningKey key)
    {
        owner = key;
        signingKey = key;
        platformKey = key switch
        {
            AsymmetricSigningKey software => software.PlatformKey,
            OpenSslProviderSigningKey provider => provider.ProviderKey.PlatformKey,
            _ => null,
        };
    }

    /// <summary>Opens the key the command line names.</summary>
    /// <exception cref="RolesAnywhereException">The key cannot be found, opened or decrypted.</exception>
    public static SignStringKey Open(ParsedCommandLine parsed, TimeProvider time, Func<string, string?>? pinPrompt)
    {
        var options = KeySourceFlags.ApplyTo(parsed, new RolesAnywhereOptions(), pinPrompt);
        if (KeySourceFlags.UsesStore(parsed))
        {
            var opened = CertificateStoreKeySource.Open(options, time);
            opened.Certificate?.Dispose();
            return new SignStringKey(opened.SigningKey);
        }

        // Like the official helper, a pkcs11: certificate alone names the token object for the key as well.
        var reference = options.PrivateKeyPath ?? (KeySourceFlags.IsPkcs11(options.CertificatePath) ? options.CertificatePath : null)
            ?? throw new UsageException($"--{Flags.PrivateKey} is required.", "Name the key as a file, a pkcs11: URI or a TPM handle (handle:0x81000001), or select a store certificate with --cert-selector.");
        if (KeySourceFlags.IsPkcs11(reference))
        {
            return new SignStringKey(Pkcs11Support.OpenKey(parsed, reference, pinPrompt));
        }

        if (KeySourceFlags.IsTpmHandle(reference))
        {
            return new SignStringKey(OpenSslProviderKey.Open(OpenSslProviderKey.Tpm2Provider, reference));
        }

        var fileKey = KeyFiles.LoadKey(reference, options.PrivateKeyPassword);
        if (fileKey is MLDsaPrivateKey mldsa)
        {
            using (mldsa)
            {
                return new SignStringKey(mldsa.TakeSigningKey());
            }
        }

        return new SignStringKey(fileKey);
    }

    /// <summary>Signs <paramref name="data"/>: RSA PKCS#1 v1.5, or ECDSA as an ASN.1 DER sequence, over <paramref name="digest"/>; ML-DSA over the data itself.</summary>
    /// <exception cref="RolesAnywhereConfigurationException">The key cannot sign over <paramref name="digest"/>, or is neither RSA, ECDSA nor ML-DSA.</exception>
    public byte[] Sign(byte[] data, HashAlgorithmName digest)
    {
        try
        {
            switch (platformKey)
            {
                case RSA rsa:
                    return rsa.SignData(data, digest, RSASignaturePadding.Pkcs1);
                case ECDsa ecdsa:
                    return ecdsa.SignData(data, digest, DSASignatureFormat.Rfc3279DerSequence);
            }
        }
        catch (CryptographicException ex) when (digest != HashAlgorithmName.SHA256)
        {
            // A TPM key whose signing scheme names its hash (tpm2_create -G rsa2048:rsassa or ecc256:ecdsa bind SHA-256) signs over that hash only.
            throw new RolesAnywhereConfigurationException(
                $"The key refused to sign over --{Flags.Digest} {digest.Name} ({ex.Message}). Keys whose signing scheme fixes the hash, such as TPM keys created with rsa2048:rsassa or ecc256:ecdsa, sign only over SHA-256: use --{Flags.Digest} SHA256.",
                ex);
        }

        if (signingKey is { Algorithm: SigningKeyAlgorithm.MLDsa })
        {
            // Pure ML-DSA signs the data itself, as the official helper does for these keys; there is no digest to choose.
            if (digest != HashAlgorithmName.SHA256)
            {
                throw new RolesAnywhereConfigurationException(
                    $"--{Flags.Digest} {digest.Name} does not apply to ML-DSA keys: ML-DSA signs the data itself (pure ML-DSA, as AWS4-X509-MLDSA requires). Leave out --{Flags.Digest}.");
            }
        }
        else if (signingKey is null)
        {
            throw new RolesAnywhereConfigurationException($"The key given with --{Flags.PrivateKey} is neither RSA, ECDSA nor ML-DSA; Roles Anywhere signs only with those.");
        }
        else if (digest != HashAlgorithmName.SHA256)
        {
            throw new RolesAnywhereConfigurationException(
                $"--{Flags.Digest} {digest.Name} is not available for PKCS#11 keys: rolesanywhere signs on the token with SHA-256 (CKM_SHA256_RSA_PKCS, or CKM_ECDSA over a SHA-256 digest), as CreateSession does. Use --{Flags.Digest} SHA256.");
        }

        var signature = new byte[signingKey.MaxSignatureSizeInBytes];
        if (!signingKey.TrySign(data, signature, out var written))
        {
            throw new CryptographicException($"The key wrote a signature larger than its own maximum of {signature.Length} bytes.");
        }

        return signature[..written];
    }

    public void Dispose() => owner.Dispose();
}
