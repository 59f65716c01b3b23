using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.Tests.Hosting;

/// <summary>A software key that counts its signatures and whether it was disposed.</summary>
internal sealed class CountingSigningKey(AsymmetricSigningKey inner) : ISigningKey
{
    private int signatures;
    private int disposals;

    public int Signatures => Volatile.Read(ref signatures);

    public bool IsDisposed => Volatile.Read(ref disposals) > 0;

    public SigningKeyAlgorithm Algorithm => inner.Algorithm;

    public int MaxSignatureSizeInBytes => inner.MaxSignatureSizeInBytes;

    public bool TrySign(ReadOnlySpan<byte> data, Span<byte> destination, out int bytesWritten)
    {
        Interlocked.Increment(ref signatures);
        return inner.TrySign(data, destination, out bytesWritten);
    }

    public ValueTask<int> SignAsync(ReadOnlyMemory<byte> data, Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref signatures);
        return inner.SignAsync(data, destination, cancellationToken);
    }

    public void Dispose()
    {
        if (Interlocked.Increment(ref disposals) == 1)
        {
            inner.Dispose();
        }
    }
}
