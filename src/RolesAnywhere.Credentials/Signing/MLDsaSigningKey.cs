using System.Globalization;
using System.Security.Cryptography;

namespace RolesAnywhere.Credentials.Signing;

/// <summary>
/// What every ML-DSA <see cref="ISigningKey"/> shares, whichever implementation computes the signature: the
/// size checks, the error and disposal rules, the description. Signatures are pure ML-DSA over the data itself
/// (no pre-hash) with an empty context, as <c>AWS4-X509-MLDSA</c> requires, and always
/// <see cref="MLDsaParameterSet.SignatureSize"/> bytes long.
/// </summary>
internal abstract class MLDsaSigningKey : IMLDsaSigningKey
{
    private readonly string _description;
    private volatile bool _disposed;

    /// <summary>Initializes the shared part.</summary>
    /// <param name="parameterSet">The key's parameter set.</param>
    /// <param name="implementation">Who computes signatures, for <see cref="ToString"/> (for example "BouncyCastle").</param>
    protected MLDsaSigningKey(MLDsaParameterSet parameterSet, string implementation)
    {
        ParameterSet = parameterSet;
        _description = $"MLDsaSigningKey({parameterSet.Name}, {implementation})";
    }

    /// <inheritdoc />
    public SigningKeyAlgorithm Algorithm => SigningKeyAlgorithm.MLDsa;

    /// <inheritdoc />
    public int MaxSignatureSizeInBytes => ParameterSet.SignatureSize;

    /// <inheritdoc />
    public MLDsaParameterSet ParameterSet { get; }

    /// <inheritdoc />
    public bool TrySign(ReadOnlySpan<byte> data, Span<byte> destination, out int bytesWritten)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int size = ParameterSet.SignatureSize;
        if (destination.Length < size)
        {
            bytesWritten = 0;
            return false;
        }

        try
        {
            SignCore(data, destination[..size]);
        }
        catch (CryptographicException ex)
        {
            throw new RolesAnywhereException($"{_description} could not sign: {ex.Message}", ex);
        }

        bytesWritten = size;
        return true;
    }

    /// <inheritdoc />
    public ValueTask<int> SignAsync(ReadOnlyMemory<byte> data, Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<int>(cancellationToken);
        }

        return TrySign(data.Span, destination.Span, out int written)
            ? ValueTask.FromResult(written)
            : throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The destination ({destination.Length} bytes) is too small for a {ParameterSet.Name} signature of {ParameterSet.SignatureSize} bytes."),
                nameof(destination));
    }

    /// <inheritdoc />
    public abstract byte[] ExportPublicKey();

    /// <inheritdoc />
    public abstract bool HasExpandedKey(ReadOnlySpan<byte> expandedKey);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        DisposeCore();
    }

    /// <summary>Describes the parameter set and the implementation; never key material.</summary>
    /// <returns>For example <c>MLDsaSigningKey(ML-DSA-65, BouncyCastle)</c>.</returns>
    public override string ToString() => _description;

    /// <summary>Writes the signature of <paramref name="data"/> into <paramref name="destination"/>, exactly <see cref="MLDsaParameterSet.SignatureSize"/> bytes.</summary>
    /// <exception cref="CryptographicException">The implementation failed.</exception>
    protected abstract void SignCore(ReadOnlySpan<byte> data, Span<byte> destination);

    /// <summary>Releases the private key.</summary>
    protected abstract void DisposeCore();
}
