using System.Security.Cryptography;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Crypto.Signers;
using RolesAnywhere.Credentials.Signing;
using MLDsaParameterSet = RolesAnywhere.Credentials.Signing.MLDsaParameterSet;

namespace RolesAnywhere.Credentials.MLDsa;

/// <summary>
/// ML-DSA in managed code (BouncyCastle), for platforms whose cryptography has none. The core package finds this
/// type by name when the application has this package installed; nothing needs to call it.
/// </summary>
internal sealed class BouncyCastleMLDsa : IMLDsaImplementation
{
    public IMLDsaSigningKey ImportPrivateKey(MLDsaParameterSet parameterSet, ReadOnlySpan<byte> seed, ReadOnlySpan<byte> expandedKey)
    {
        var parameters = ParametersOf(parameterSet);
        byte[] material = seed.IsEmpty ? expandedKey.ToArray() : seed.ToArray();
        try
        {
            var key = seed.IsEmpty
                ? MLDsaPrivateKeyParameters.FromEncoding(parameters, material)
                : MLDsaPrivateKeyParameters.FromSeed(parameters, material);
            return new BouncyCastleMLDsaSigningKey(key, parameterSet);
        }
        catch (ArgumentException ex)
        {
            throw new CryptographicException(ex.Message, ex);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }

    public byte[]? DecryptPkcs8(ReadOnlySpan<byte> encryptedPkcs8, string password)
    {
        char[] passwordChars = password.ToCharArray();
        try
        {
            var encrypted = EncryptedPrivateKeyInfo.GetInstance(encryptedPkcs8.ToArray());
            return PrivateKeyInfoFactory.CreatePrivateKeyInfo(passwordChars, encrypted).GetEncoded();
        }
        catch (Exception ex) when (ex is CryptoException or ArgumentException or IOException or InvalidOperationException or SecurityUtilityException)
        {
            return null;
        }
        finally
        {
            Array.Clear(passwordChars);
        }
    }

    public bool Verify(MLDsaParameterSet parameterSet, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != parameterSet.PublicKeySize || signature.Length != parameterSet.SignatureSize)
        {
            return false;
        }

        var parameters = ParametersOf(parameterSet);
        var verifier = new MLDsaSigner(parameters, deterministic: true);
        verifier.Init(forSigning: false, MLDsaPublicKeyParameters.FromEncoding(parameters, publicKey.ToArray()));
        verifier.BlockUpdate(data);
        return verifier.VerifySignature(signature.ToArray());
    }

    internal static MLDsaParameters ParametersOf(MLDsaParameterSet parameterSet) =>
        ReferenceEquals(parameterSet, MLDsaParameterSet.MLDsa44) ? MLDsaParameters.ml_dsa_44
        : ReferenceEquals(parameterSet, MLDsaParameterSet.MLDsa65) ? MLDsaParameters.ml_dsa_65
        : MLDsaParameters.ml_dsa_87;
}
