using RolesAnywhere.Credentials.Certificates;

namespace RolesAnywhere.Credentials.Sessions;

/// <summary>
/// The identity <see cref="RolesAnywhereOptions"/> describe, loaded and checked once (a key named by reference
/// opened: a token logged into, a TPM key loaded), with what <see cref="RotatingRequestSigner"/> needs to
/// reload it when its files change: the sources (holding the opened key, which every reload borrows), the paths
/// and their stamps at load.
/// Whoever holds it disposes it, unless it hands it to <see cref="RotatingRequestSigner.Create(PreparedIdentity, Endpoints.RolesAnywhereEndpoint, TimeProvider)"/>.
/// </summary>
internal sealed class PreparedIdentity : IDisposable
{
    private PreparedIdentity(IdentitySpec spec, string?[] paths, FileStamp[] stamps, SigningIdentity identity)
    {
        Spec = spec;
        Paths = paths;
        Stamps = stamps;
        Identity = identity;
    }

    /// <summary>Gets the sources the identity was loaded from, with the opened key if any.</summary>
    public IdentitySpec Spec { get; }

    /// <summary>Gets the certificate, key and intermediates paths (unset ones included as <see langword="null"/>).</summary>
    public string?[] Paths { get; }

    /// <summary>Gets the stamps of <see cref="Paths"/> taken before the files were read.</summary>
    public FileStamp[] Stamps { get; }

    /// <summary>Gets the loaded, validated identity.</summary>
    public SigningIdentity Identity { get; }

    /// <summary>Opens the key <paramref name="options"/> name, reads the files and checks the result, once.</summary>
    /// <exception cref="RolesAnywhereConfigurationException">The certificate or key cannot be used.</exception>
    /// <remarks>The sources are taken from <paramref name="options"/> now; later changes to the options object are not seen.</remarks>
    public static PreparedIdentity Load(RolesAnywhereOptions options, TimeProvider time)
    {
        var spec = SigningIdentityLoader.OpenSpec(options, time);
        try
        {
            string?[] paths = [options.CertificatePath, options.PrivateKeyPath, options.IntermediatesPath];
            var stamps = FileStamp.Of(paths);
            return new PreparedIdentity(spec, paths, stamps, SigningIdentityLoader.Build(spec, time, borrowOpenedKey: true));
        }
        catch
        {
            spec.OpenedKey?.Dispose();
            throw;
        }
    }

    /// <summary>Disposes the identity and the key opened for it (with the certificate found next to that key).</summary>
    public void Dispose()
    {
        Identity.Dispose();
        Spec.OpenedKey?.Dispose();
    }
}
