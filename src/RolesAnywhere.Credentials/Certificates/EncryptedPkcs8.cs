using System.Diagnostics.CodeAnalysis;
using System.Formats.Asn1;
using System.Security.Cryptography;

namespace RolesAnywhere.Credentials.Certificates;

/// <summary>
/// Decrypts PKCS#8 <c>EncryptedPrivateKeyInfo</c> protected with PBES2 (PBKDF2 with HMAC-SHA1 or
/// SHA-2, then AES-CBC or 3DES-CBC): the format of <c>openssl pkcs8 -topk8</c> and of AWS
/// Certificate Manager exports. Doing it here, rather than through the platform's import, tells a
/// wrong password apart from an unsupported scheme and keeps every intermediate buffer zeroable.
/// </summary>
internal static class EncryptedPkcs8
{
    private const string Pbes2Oid = "1.2.840.113549.1.5.13";
    private const string Pbkdf2Oid = "1.2.840.113549.1.5.12";
    private const string ScryptOid = "1.3.6.1.4.1.11591.4.11";

    /// <summary>The largest PBKDF2 iteration count accepted; real files use 2 048 to 600 000.</summary>
    private const int MaxIterations = 10_000_000;

    /// <summary>
    /// Decrypts <paramref name="der"/> into <paramref name="plain"/> (the caller disposes it).
    /// Returns false, with nothing decrypted, when the scheme is not PBES2 (PBES1 and PKCS#12 PBE are
    /// left to the platform).
    /// </summary>
    /// <exception cref="RolesAnywhereConfigurationException">The structure is damaged, the scheme unsupported or the password wrong.</exception>
    public static bool Decrypt(ReadOnlyMemory<byte> der, ReadOnlySpan<char> password, MaterialSource source, [NotNullWhen(true)] out SensitiveBuffer<byte>? plain)
    {
        plain = null;
        Pbes2Parameters parameters;
        ReadOnlyMemory<byte> cipherText;
        try
        {
            var info = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
            var algorithm = info.ReadSequence();
            if (algorithm.ReadObjectIdentifier() != Pbes2Oid)
            {
                return false;
            }

            parameters = ReadPbes2(algorithm.ReadSequence(), source);
            cipherText = info.ReadOctetString();
        }
        catch (AsnContentException ex)
        {
            throw new RolesAnywhereConfigurationException(
                $"The encrypted private key in {source.Phrase} is damaged or truncated. Export the key again.", ex);
        }

        var key = new byte[parameters.KeyLength];
        var output = SensitiveBuffer<byte>.Rent(cipherText.Length);
        try
        {
            Rfc2898DeriveBytes.Pbkdf2(password, parameters.Salt, key, parameters.Iterations, parameters.Prf);
            using var cipher = parameters.CreateCipher();
            cipher.Key = key; // copied by the setter; the copy is zeroed when the cipher is disposed
            if (!TryDecrypt(cipher, cipherText.Span, parameters.Iv, output.Span, out var written))
            {
                throw WrongPassword(source);
            }

            output.Truncate(written);
            plain = output;
            return true;
        }
        catch
        {
            output.Dispose();
            throw;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>The error for a password that does not decrypt the key.</summary>
    public static RolesAnywhereConfigurationException WrongPassword(MaterialSource source) =>
        new($"The encrypted private key in {source.Phrase} could not be decrypted: the password in {source.PasswordSetting} is wrong. Set {source.PasswordSetting} to the password the key was exported with.");

    private static bool TryDecrypt(SymmetricAlgorithm cipher, ReadOnlySpan<byte> cipherText, ReadOnlySpan<byte> iv, Span<byte> destination, out int written)
    {
        try
        {
            return cipher.TryDecryptCbc(cipherText, iv, destination, out written, PaddingMode.PKCS7);
        }
        catch (CryptographicException)
        {
            // Bad padding: the derived key, so the password, is wrong.
            written = 0;
            return false;
        }
    }

    private static Pbes2Parameters ReadPbes2(AsnReader pbes2, MaterialSource source)
    {
        var kdf = pbes2.ReadSequence();
        var kdfOid = kdf.ReadObjectIdentifier();
        if (kdfOid != Pbkdf2Oid)
        {
            throw UnsupportedScheme(source, kdfOid == ScryptOid ? "scrypt key derivation" : $"key derivation {kdfOid}");
        }

        var pbkdf2 = kdf.ReadSequence();
        var salt = pbkdf2.ReadOctetString();
        if (!pbkdf2.TryReadInt32(out var iterations) || iterations < 1 || iterations > MaxIterations)
        {
            throw UnsupportedScheme(source, $"a PBKDF2 iteration count outside 1..{MaxIterations}");
        }

        int? keyLength = pbkdf2.HasData && pbkdf2.PeekTag().HasSameClassAndValue(Asn1Tag.Integer) && pbkdf2.TryReadInt32(out var length) ? length : null;
        var prf = HashAlgorithmName.SHA1; // the PKCS#5 default, used by AWS Certificate Manager exports
        if (pbkdf2.HasData)
        {
            var prfOid = pbkdf2.ReadSequence().ReadObjectIdentifier();
            prf = prfOid switch
            {
                "1.2.840.113549.2.7" => HashAlgorithmName.SHA1,
                "1.2.840.113549.2.9" => HashAlgorithmName.SHA256,
                "1.2.840.113549.2.10" => HashAlgorithmName.SHA384,
                "1.2.840.113549.2.11" => HashAlgorithmName.SHA512,
                _ => throw UnsupportedScheme(source, $"PBKDF2 pseudo-random function {prfOid}"),
            };
        }

        var encryption = pbes2.ReadSequence();
        var encryptionOid = encryption.ReadObjectIdentifier();
        var (cipher, cipherKeyLength) = encryptionOid switch
        {
            "2.16.840.1.101.3.4.1.2" => (Pbes2Cipher.Aes, 16),
            "2.16.840.1.101.3.4.1.22" => (Pbes2Cipher.Aes, 24),
            "2.16.840.1.101.3.4.1.42" => (Pbes2Cipher.Aes, 32),
            "1.2.840.113549.3.7" => (Pbes2Cipher.TripleDes, 24),
            _ => throw UnsupportedScheme(source, $"encryption algorithm {encryptionOid}"),
        };
        if (keyLength is { } declared && declared != cipherKeyLength)
        {
            throw UnsupportedScheme(source, $"a PBKDF2 key length of {declared} bytes for a {cipherKeyLength}-byte cipher key");
        }

        var iv = encryption.ReadOctetString();
        if (iv.Length != (cipher == Pbes2Cipher.Aes ? 16 : 8))
        {
            throw UnsupportedScheme(source, $"an initialization vector of {iv.Length} bytes");
        }

        return new Pbes2Parameters(salt, iterations, prf, cipher, cipherKeyLength, iv);
    }

    private static RolesAnywhereConfigurationException UnsupportedScheme(MaterialSource source, string what) =>
        new($"The encrypted private key in {source.Phrase} uses {what}, which this library does not decrypt. Re-encrypt it with `openssl pkcs8 -topk8 -v2 aes-256-cbc -v2prf hmacWithSHA256 -in key.pem -out key-encrypted.pem`, or decrypt it with `openssl pkcs8` and protect the file instead.");

    private enum Pbes2Cipher
    {
        Aes,
        TripleDes,
    }

    private sealed record Pbes2Parameters(byte[] Salt, int Iterations, HashAlgorithmName Prf, Pbes2Cipher Cipher, int KeyLength, byte[] Iv)
    {
        // 3DES only decrypts keys users already have (older `openssl pkcs8 -v2 des3` files); nothing is encrypted with it.
#pragma warning disable CA5350
        public SymmetricAlgorithm CreateCipher() => Cipher == Pbes2Cipher.Aes ? Aes.Create() : TripleDES.Create();
#pragma warning restore CA5350
    }
}
