using System.Security.Cryptography;

namespace RolesAnywhere.Credentials.Signing;

/// <summary>
/// Remembers the hex SHA-256 of the last request body: a credentials client sends the same CreateSession
/// body on every refresh, and hashing it is a whole second SHA-256 call. A body is compared in full
/// before its digest is reused. The storage is allocated once, so lookups and updates allocate nothing.
/// </summary>
internal sealed class BodyHashCache
{
    /// <summary>Bodies up to this size are remembered; a CreateSession body is a few hundred bytes.</summary>
    public const int MaxCachedBodyLength = 2048;

    private readonly object _gate = new();
    private readonly byte[] _body = new byte[MaxCachedBodyLength];
    private readonly byte[] _hex = new byte[CanonicalRequestWriter.Sha256HexLength];
    private int _bodyLength = -1;

    /// <summary>Writes the lower-case hex SHA-256 of <paramref name="body"/> into <paramref name="destination"/> (64 bytes).</summary>
    public void WriteHexDigest(ReadOnlySpan<byte> body, Span<byte> destination)
    {
        lock (_gate)
        {
            if (_bodyLength == body.Length && body.SequenceEqual(_body.AsSpan(0, _bodyLength)))
            {
                _hex.CopyTo(destination);
                return;
            }
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(body, hash);
        LowerHex.Write(hash, destination);
        if (body.Length > MaxCachedBodyLength)
        {
            return;
        }

        lock (_gate)
        {
            body.CopyTo(_body);
            _bodyLength = body.Length;
            destination[..CanonicalRequestWriter.Sha256HexLength].CopyTo(_hex);
        }
    }
}
