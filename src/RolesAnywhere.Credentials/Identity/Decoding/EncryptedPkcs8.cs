using System.Formats.Asn1;

namespace RolesAnywhere.Credentials.Identity.Decoding;

/// <summary>
/// The pre-check of a PKCS#8 <c>EncryptedPrivateKeyInfo</c> before the platform decrypts it
/// (<c>ImportEncryptedPkcs8PrivateKey</c>, which handles PBES2 with PBKDF2 and every PRF the official helper supports,
/// HMAC-SHA1 included, with AES-CBC or 3DES-CBC): it reads only the algorithm parameters, so that a damaged file, a
/// scheme the platform does not decrypt (scrypt) or parameters out of bounds get a message naming the problem and the
/// fix, and what fails after it can only be the password.
/// </summary>
internal static class EncryptedPkcs8
{
    private const string Pbes2Oid = "1.2.840.113549.1.5.13";
    private const string Pbkdf2Oid = "1.2.840.113549.1.5.12";
    private const string ScryptOid = "1.3.6.1.4.1.11591.4.11";

    /// <summary>The largest PBKDF2 iteration count accepted; real files use 2 048 to 600 000.</summary>
    private const int MaxIterations = 10_000_000;

    /// <summary>
    /// Checks the encryption parameters of <paramref name="der"/>. Returns <see langword="true"/> for PBES2 with
    /// parameters the platform decrypts, <see langword="false"/> for another scheme (PBES1, PKCS#12 PBE: left to the platform).
    /// </summary>
    /// <exception cref="RolesAnywhereConfigurationException">The structure is damaged or the scheme unsupported.</exception>
    public static bool CheckPbes2(ReadOnlyMemory<byte> der, MaterialSource source)
    {
        try
        {
            var info = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
            var algorithm = info.ReadSequence();
            if (algorithm.ReadObjectIdentifier() != Pbes2Oid)
            {
                return false;
            }

            CheckPbes2Parameters(algorithm.ReadSequence(), source);
            _ = info.ReadOctetString();
            return true;
        }
        catch (AsnContentException ex)
        {
            throw new RolesAnywhereConfigurationException(
                $"The encrypted private key in {source.Phrase} is damaged or truncated. Export the key again.", ex);
        }
    }

    /// <summary>The error for a password that does not decrypt the key.</summary>
    public static RolesAnywhereConfigurationException WrongPassword(MaterialSource source) =>
        new($"The encrypted private key in {source.Phrase} could not be decrypted: the password in {source.PasswordSetting} is wrong (or the key inside is not an RSA or ECDSA key). Set {source.PasswordSetting} to the password the key was exported with.");

    private static void CheckPbes2Parameters(AsnReader pbes2, MaterialSource source)
    {
        var kdf = pbes2.ReadSequence();
        var kdfOid = kdf.ReadObjectIdentifier();
        if (kdfOid != Pbkdf2Oid)
        {
            throw UnsupportedScheme(source, kdfOid == ScryptOid ? "scrypt key derivation" : $"key derivation {kdfOid}");
        }

        var pbkdf2 = kdf.ReadSequence();
        _ = pbkdf2.ReadOctetString();
        if (!pbkdf2.TryReadInt32(out var iterations) || iterations < 1 || iterations > MaxIterations)
        {
            throw UnsupportedScheme(source, $"a PBKDF2 iteration count outside 1..{MaxIterations}");
        }

        int? keyLength = pbkdf2.HasData && pbkdf2.PeekTag().HasSameClassAndValue(Asn1Tag.Integer) && pbkdf2.TryReadInt32(out var length) ? length : null;
        if (pbkdf2.HasData)
        {
            // HMAC-SHA1 (the PKCS#5 default, used by AWS Certificate Manager exports), or SHA-256/384/512.
            var prfOid = pbkdf2.ReadSequence().ReadObjectIdentifier();
            if (prfOid is not ("1.2.840.113549.2.7" or "1.2.840.113549.2.9" or "1.2.840.113549.2.10" or "1.2.840.113549.2.11"))
            {
                throw UnsupportedScheme(source, $"PBKDF2 pseudo-random function {prfOid}");
            }
        }

        var encryption = pbes2.ReadSequence();
        var encryptionOid = encryption.ReadObjectIdentifier();
        var (cipherKeyLength, ivLength) = encryptionOid switch
        {
            "2.16.840.1.101.3.4.1.2" => (16, 16),
            "2.16.840.1.101.3.4.1.22" => (24, 16),
            "2.16.840.1.101.3.4.1.42" => (32, 16),
            "1.2.840.113549.3.7" => (24, 8),
            _ => throw UnsupportedScheme(source, $"encryption algorithm {encryptionOid}"),
        };
        if (keyLength is { } declared && declared != cipherKeyLength)
        {
            throw UnsupportedScheme(source, $"a PBKDF2 key length of {declared} bytes for a {cipherKeyLength}-byte cipher key");
        }

        var iv = encryption.ReadOctetString();
        if (iv.Length != ivLength)
        {
            throw UnsupportedScheme(source, $"an initialization vector of {iv.Length} bytes");
        }
    }

    private static RolesAnywhereConfigurationException UnsupportedScheme(MaterialSource source, string what) =>
        new($"The encrypted private key in {source.Phrase} uses {what}, which this library does not decrypt. Re-encrypt it with `openssl pkcs8 -topk8 -v2 aes-256-cbc -v2prf hmacWithSHA256 -in key.pem -out key-encrypted.pem`, or decrypt it with `openssl pkcs8` and protect the file instead.");
}
