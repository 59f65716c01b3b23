using System.Formats.Asn1;
using System.Security.Cryptography;
using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.Identity.Decoding;

/// <summary>
/// Turns DER private keys (PKCS#1, SEC1, PKCS#8, encrypted PKCS#8) into platform key objects, with
/// errors that name the source and the fix. The caller owns and zeroes the input.
/// </summary>
internal static class PrivateKeyImporter
{
    private const string RsaOid = "1.2.840.113549.1.1.1";
    private const string EcPublicKeyOid = "1.2.840.10045.2.1";

    /// <exception cref="RolesAnywhereConfigurationException">The key is damaged, encrypted without a password, or of an unsupported type.</exception>
    public static AsymmetricAlgorithm Import(DerKind kind, ReadOnlyMemory<byte> der, MaterialSource source, string? password) => kind switch
    {
        DerKind.Pkcs1 => ImportWith(RSA.Create(), der, source, "PKCS#1 RSA", static (k, d) => ((RSA)k).ImportRSAPrivateKey(d.Span, out _)),
        DerKind.Sec1 => ImportWith(ECDsa.Create(), der, source, "SEC1 EC", static (k, d) => ((ECDsa)k).ImportECPrivateKey(d.Span, out _)),
        DerKind.Pkcs8 => ImportPkcs8(der, source),
        DerKind.EncryptedPkcs8 => ImportEncryptedPkcs8(der, source, password),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a private key."),
    };

    /// <summary>Imports an unencrypted PKCS#8 <c>PrivateKeyInfo</c>, choosing RSA or ECDSA by its algorithm.</summary>
    public static AsymmetricAlgorithm ImportPkcs8(ReadOnlyMemory<byte> der, MaterialSource source)
    {
        var algorithm = ReadPkcs8Algorithm(der)
            ?? throw new RolesAnywhereConfigurationException(
                $"The private key in {source.Phrase} is not a valid PKCS#8 key: the data is damaged or truncated. Export the key again (for example `openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem`).");
        return algorithm switch
        {
            RsaOid => ImportWith(RSA.Create(), der, source, "PKCS#8 RSA", static (k, d) => k.ImportPkcs8PrivateKey(d.Span, out _)),
            EcPublicKeyOid => ImportWith(ECDsa.Create(), der, source, "PKCS#8 EC", static (k, d) => k.ImportPkcs8PrivateKey(d.Span, out _)),
            _ when MLDsaParameterSet.FromOid(algorithm) is { } mldsa => MLDsaPrivateKey.Import(mldsa, der, source),
            _ => throw Unsupported(source, DescribeAlgorithm(algorithm)),
        };
    }

    /// <summary>The error for a key type the service does not accept.</summary>
    public static RolesAnywhereConfigurationException Unsupported(MaterialSource source, string what) =>
        new($"The private key in {source.Phrase} is {what}. IAM Roles Anywhere accepts RSA (2048 to 4096 bits), ECDSA (P-256, P-384 or P-521) and ML-DSA (44, 65 or 87) keys: issue the certificate for a key of one of those types.");

    /// <summary>Reads the algorithm OID of a PKCS#8 <c>PrivateKeyInfo</c>, or null when it is not one.</summary>
    internal static string? ReadPkcs8Algorithm(ReadOnlyMemory<byte> der)
    {
        try
        {
            var info = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
            if (!info.TryReadInt32(out var version) || version is not (0 or 1))
            {
                return null;
            }

            return info.ReadSequence().ReadObjectIdentifier();
        }
        catch (AsnContentException)
        {
            return null;
        }
    }

    private static AsymmetricAlgorithm ImportEncryptedPkcs8(ReadOnlyMemory<byte> der, MaterialSource source, string? password)
    {
        if (password is null)
        {
            throw new RolesAnywhereConfigurationException(
                $"The private key in {source.Phrase} is encrypted, and no password was given. Set {source.PasswordSetting} to the key's password.");
        }

        // The platform decrypts (PBES2 with every PBKDF2 PRF, PBES1, PKCS#12 PBE); the pre-check makes its failures specific.
        var pbes2 = EncryptedPkcs8.CheckPbes2(der, source);
        AsymmetricAlgorithm[] candidates = [ECDsa.Create(), RSA.Create()];
        foreach (var candidate in candidates)
        {
            try
            {
                candidate.ImportEncryptedPkcs8PrivateKey(password, der.Span, out _);
                return candidate;
            }
            catch (CryptographicException)
            {
                candidate.Dispose();
            }
        }

        // The platform decrypts only into RSA and ECDSA objects: an ML-DSA key is decrypted by the ML-DSA implementation.
        if (MLDsaImplementations.Current?.DecryptPkcs8(der.Span, password) is { } plain)
        {
            try
            {
                if (MLDsaParameterSet.FromOid(ReadPkcs8Algorithm(plain)) is { } mldsa)
                {
                    return MLDsaPrivateKey.Import(mldsa, plain, source);
                }
            }
            finally
            {
                CryptographicOperations.ZeroMemory(plain);
            }
        }

        throw pbes2
            ? MLDsaImplementations.Current is null
                ? new RolesAnywhereConfigurationException($"{EncryptedPkcs8.WrongPassword(source).Message} {MLDsaImplementations.EncryptedKeyHint}")
                : EncryptedPkcs8.WrongPassword(source)
            : new RolesAnywhereConfigurationException(
                $"The encrypted private key in {source.Phrase} could not be decrypted: the password in {source.PasswordSetting} is wrong, or the key is not an RSA or ECDSA key. Check the password, or re-encrypt the key with `openssl pkcs8 -topk8 -v2 aes-256-cbc -v2prf hmacWithSHA256`.");
    }

    private static AsymmetricAlgorithm ImportWith(AsymmetricAlgorithm key, ReadOnlyMemory<byte> der, MaterialSource source, string format, Action<AsymmetricAlgorithm, ReadOnlyMemory<byte>> import)
    {
        try
        {
            import(key, der);
            return key;
        }
        catch (CryptographicException ex)
        {
            key.Dispose();
            throw new RolesAnywhereConfigurationException(
                $"The private key in {source.Phrase} is not a valid {format} private key: the data is damaged or truncated. Export the key again.", ex);
        }
        catch (PlatformNotSupportedException ex)
        {
            // The platform refuses an EC key whose named curve it does not know (found by fuzzing: a SEC1 or PKCS#8
            // key naming an unknown curve OID escaped as PlatformNotSupportedException).
            key.Dispose();
            throw new RolesAnywhereConfigurationException(Unsupported(source, $"a {format} key on an elliptic curve this platform does not support").Message, ex);
        }
    }

    private static string DescribeAlgorithm(string oid) => oid switch
    {
        "1.2.840.113549.1.1.10" => "an RSA-PSS key",
        "1.3.101.112" => "an Ed25519 key",
        "1.3.101.113" => "an Ed448 key",
        "1.2.840.10040.4.1" => "a DSA key",
        "1.2.840.10046.2.1" => "a Diffie-Hellman key",
        _ => $"a key of algorithm {oid}",
    };
}
