#if NET10_0_OR_GREATER
using System.Security.Cryptography;

namespace RolesAnywhere.Credentials.Signing;

/// <summary>An ML-DSA key held by .NET's <see cref="MLDsa"/> (signs hedged, which the service accepts as well as deterministic).</summary>
internal sealed class PlatformMLDsaSigningKey : MLDsaSigningKey
{
    private readonly MLDsa _key;

    public PlatformMLDsaSigningKey(MLDsa key, MLDsaParameterSet parameterSet)
        : base(parameterSet, "platform")
    {
        _key = key;
    }

    public override byte[] ExportPublicKey() => _key.ExportMLDsaPublicKey();

    public override bool HasExpandedKey(ReadOnlySpan<byte> expandedKey)
    {
        byte[] own = _key.ExportMLDsaPrivateKey();
        try
        {
            return CryptographicOperations.FixedTimeEquals(own, expandedKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(own);
        }
    }

    protected override void SignCore(ReadOnlySpan<byte> data, Span<byte> destination) => _key.SignData(data, destination);

    protected override void DisposeCore() => _key.Dispose();
}
#endif
