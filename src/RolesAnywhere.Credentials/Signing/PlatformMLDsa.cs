#if NET10_0_OR_GREATER
using System.Security.Cryptography;

namespace RolesAnywhere.Credentials.Signing;

/// <summary>ML-DSA through .NET's <see cref="MLDsa"/>, used where <see cref="MLDsa.IsSupported"/> (OpenSSL 3.5+, Windows CNG with ML-DSA).</summary>
internal sealed class PlatformMLDsa : IMLDsaImplementation
{
    public static readonly PlatformMLDsa Instance = new();

    private PlatformMLDsa()
    {
    }

    public IMLDsaSigningKey ImportPrivateKey(MLDsaParameterSet parameterSet, ReadOnlySpan<byte> seed, ReadOnlySpan<byte> expandedKey)
    {
        var algorithm = AlgorithmOf(parameterSet);
        var key = seed.IsEmpty ? MLDsa.ImportMLDsaPrivateKey(algorithm, expandedKey) : MLDsa.ImportMLDsaPrivateSeed(algorithm, seed);
        return new PlatformMLDsaSigningKey(key, parameterSet);
    }

    public byte[]? DecryptPkcs8(ReadOnlySpan<byte> encryptedPkcs8, string password)
    {
        try
        {
            // .NET 10 marks the ML-DSA PKCS#8 members as evaluation-only (SYSLIB5006): the format of RFC 9881 was still
            // a draft when it shipped. The seed-or-expanded forms this returns are what MLDsaPrivateKey reads anyway.
#pragma warning disable SYSLIB5006
            using var key = MLDsa.ImportEncryptedPkcs8PrivateKey(password, encryptedPkcs8);
            return key.ExportPkcs8PrivateKey();
#pragma warning restore SYSLIB5006
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public bool Verify(MLDsaParameterSet parameterSet, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != parameterSet.PublicKeySize || signature.Length != parameterSet.SignatureSize)
        {
            return false;
        }

        using var key = MLDsa.ImportMLDsaPublicKey(AlgorithmOf(parameterSet), publicKey);
        return key.VerifyData(data, signature);
    }

    internal static MLDsaAlgorithm AlgorithmOf(MLDsaParameterSet parameterSet) =>
        ReferenceEquals(parameterSet, MLDsaParameterSet.MLDsa44) ? MLDsaAlgorithm.MLDsa44
        : ReferenceEquals(parameterSet, MLDsaParameterSet.MLDsa65) ? MLDsaAlgorithm.MLDsa65
        : MLDsaAlgorithm.MLDsa87;
}
#endif
