using System.Collections.Concurrent;
using System.Security.Cryptography;
using RolesAnywhere.Credentials.KeySources;
using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.Tests.Hosting;

/// <summary>
/// A key store for <c>counting:&lt;PEM key file&gt;</c> references: each <see cref="Open"/> imports the software
/// key from the file anew, the way a token login or a TPM open would, and counts it.
/// </summary>
internal sealed class CountingKeySource : ISigningKeySource
{
    public const string Scheme = "counting:";

    private readonly ConcurrentQueue<CountingSigningKey> opened = new();

    /// <summary>Gets every key opened so far, in order.</summary>
    public IReadOnlyList<CountingSigningKey> Opened => opened.ToArray();

    public static string ReferenceTo(string keyPath) => Scheme + keyPath;

    public bool CanOpen(string keyReference) => keyReference.StartsWith(Scheme, StringComparison.Ordinal);

    public OpenedSigningKey Open(string keyReference, RolesAnywhereOptions options)
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(File.ReadAllText(keyReference[Scheme.Length..]));
        var key = new CountingSigningKey(new AsymmetricSigningKey(ecdsa));
        opened.Enqueue(key);
        return new OpenedSigningKey(key, certificate: null);
    }
}
