namespace RolesAnywhere.Credentials.Signing;

/// <summary>
/// An ML-DSA implementation: the platform's (<c>System.Security.Cryptography.MLDsa</c>, .NET 10 with OpenSSL 3.5
/// or Windows CNG) or the managed one in the <c>RolesAnywhere.Credentials.MLDsa</c> package.
/// <see cref="MLDsaImplementations"/> picks one.
/// </summary>
internal interface IMLDsaImplementation
{
    /// <summary>
    /// Creates a signing key from the 32-byte seed, the expanded private key, or both (which must then be the same key).
    /// Signatures are pure ML-DSA with an empty context.
    /// </summary>
    /// <param name="parameterSet">The parameter set the PKCS#8 algorithm names.</param>
    /// <param name="seed">The seed, or empty.</param>
    /// <param name="expandedKey">The expanded private key, or empty.</param>
    /// <returns>The key; the caller disposes it.</returns>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The key is malformed, or seed and expanded key disagree.</exception>
    IMLDsaSigningKey ImportPrivateKey(MLDsaParameterSet parameterSet, ReadOnlySpan<byte> seed, ReadOnlySpan<byte> expandedKey);

    /// <summary>
    /// Decrypts a PKCS#8 <c>EncryptedPrivateKeyInfo</c> that may hold an ML-DSA key (the platform's own decryption
    /// produces only RSA and ECDSA objects). Returns the <c>PrivateKeyInfo</c>, which the caller zeroes, or
    /// <see langword="null"/> when it cannot be decrypted (wrong password, unknown scheme).
    /// </summary>
    byte[]? DecryptPkcs8(ReadOnlySpan<byte> encryptedPkcs8, string password);

    /// <summary>Verifies a pure ML-DSA signature (empty context) with an encoded public key.</summary>
    /// <returns><see langword="true"/> when the signature is valid; <see langword="false"/> otherwise, malformed keys and signatures included.</returns>
    bool Verify(MLDsaParameterSet parameterSet, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature);
}
