using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using RolesAnywhere.Credentials.Signing;
using MLDsaParameterSet = RolesAnywhere.Credentials.Signing.MLDsaParameterSet;

namespace RolesAnywhere.Credentials.MLDsa;

/// <summary>
/// An ML-DSA key signing through BouncyCastle, deterministically (FIPS 204 with an all-zero <c>rnd</c>), as the
/// official helper does: the same string to sign gives the same signature.
/// </summary>
internal sealed class BouncyCastleMLDsaSigningKey : MLDsaSigningKey
{
    private readonly MLDsaPrivateKeyParameters _key;
    private readonly MLDsaParameters _parameters;

    public BouncyCastleMLDsaSigningKey(MLDsaPrivateKeyParameters key, MLDsaParameterSet parameterSet)
        : base(parameterSet, "BouncyCastle")
    {
        _key = key;
        _parameters = BouncyCastleMLDsa.ParametersOf(parameterSet);
    }

    public override byte[] ExportPublicKey() => _key.GetPublicKeyEncoded();

    public override bool HasExpandedKey(ReadOnlySpan<byte> expandedKey)
    {
        byte[] own = _key.WithPreferredFormat(MLDsaPrivateKeyParameters.Format.EncodingOnly).GetEncoded();
        try
        {
            return CryptographicOperations.FixedTimeEquals(own, expandedKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(own);
        }
    }

    // A signer holds per-message state, so each signature gets its own (the key itself is immutable and shared).
    protected override void SignCore(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        var signer = new MLDsaSigner(_parameters, deterministic: true);
        signer.Init(forSigning: true, _key);
        signer.BlockUpdate(data);
        signer.GenerateSignature().CopyTo(destination);
    }

    // BouncyCastle keeps the key in managed arrays it does not expose for zeroing; dropping the reference is all there is.
    protected override void DisposeCore()
    {
    }
}
