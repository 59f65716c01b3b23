using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.Benchmarks.Signing;

/// <summary>
/// Benchmark-only key that "signs" by copying a fixed 256-byte value (the size of an RSA-2048 signature),
/// so that a benchmark measures the signer's own work without the private-key operation.
/// </summary>
internal sealed class FixedSignatureKey : ISigningKey
{
    private const int SignatureSize = 256;
    private static readonly byte[] Signature = Enumerable.Range(0, SignatureSize).Select(i => (byte)i).ToArray();

    public SigningKeyAlgorithm Algorithm => SigningKeyAlgorithm.Rsa;

    public int MaxSignatureSizeInBytes => SignatureSize;

    public bool TrySign(ReadOnlySpan<byte> data, Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = Signature.AsSpan().TryCopyTo(destination) ? SignatureSize : 0;
        return bytesWritten != 0;
    }

    public ValueTask<int> SignAsync(ReadOnlyMemory<byte> data, Memory<byte> destination, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(TrySign(data.Span, destination.Span, out int written) ? written : throw new ArgumentException("Too small.", nameof(destination)));

    public void Dispose()
    {
    }
}
