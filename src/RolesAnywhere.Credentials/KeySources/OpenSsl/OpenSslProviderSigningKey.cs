using System.Collections.Concurrent;
using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.KeySources.OpenSsl;

/// <summary>
/// A key held by an OpenSSL provider. Providers such as <c>tpm2</c> talk to their device over one
/// connection per process, which does not take concurrent commands, so every signature through the
/// same provider runs one at a time.
/// </summary>
internal sealed class OpenSslProviderSigningKey : ISigningKey
{
    private static readonly ConcurrentDictionary<string, object> s_providerGates = new(StringComparer.Ordinal);
    private readonly AsymmetricSigningKey _key;
    private readonly object _gate;
    private readonly string _description;

    public OpenSslProviderSigningKey(AsymmetricSigningKey key, string providerName, string keyUri)
    {
        _key = key;
        _gate = s_providerGates.GetOrAdd(providerName, _ => new object());
        _description = $"OpenSSL provider key {providerName}:{keyUri} ({key.Algorithm})";
    }

    /// <summary>Gets the wrapper over the provider key, whose platform key signs through the provider.</summary>
    internal AsymmetricSigningKey ProviderKey => _key;

    public SigningKeyAlgorithm Algorithm => _key.Algorithm;

    public int MaxSignatureSizeInBytes => _key.MaxSignatureSizeInBytes;

    public bool TrySign(ReadOnlySpan<byte> data, Span<byte> destination, out int bytesWritten)
    {
        lock (_gate)
        {
            return _key.TrySign(data, destination, out bytesWritten);
        }
    }

    public ValueTask<int> SignAsync(ReadOnlyMemory<byte> data, Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return _key.SignAsync(data, destination, cancellationToken);
        }
    }

    public void Dispose() => _key.Dispose();

    public override string ToString() => _description;
}
