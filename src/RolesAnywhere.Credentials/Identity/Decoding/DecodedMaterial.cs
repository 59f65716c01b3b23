using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RolesAnywhere.Credentials.Identity.Decoding;

/// <summary>
/// What one source (a file or an inline value) turned out to hold: certificates in the order found,
/// private keys, and the labels of PEM blocks that were skipped (for hints). Owns everything it holds
/// until taken.
/// </summary>
internal sealed class DecodedMaterial : IDisposable
{
    public List<X509Certificate2> Certificates { get; } = [];

    public List<AsymmetricAlgorithm> Keys { get; } = [];

    public List<string> SkippedLabels { get; } = [];

    /// <summary>Hands the certificates to the caller; this object no longer disposes them.</summary>
    public List<X509Certificate2> TakeCertificates()
    {
        var taken = new List<X509Certificate2>(Certificates);
        Certificates.Clear();
        return taken;
    }

    /// <summary>Hands the single key to the caller, or null when there is none; this object no longer disposes it.</summary>
    public AsymmetricAlgorithm? TakeKey()
    {
        if (Keys.Count == 0)
        {
            return null;
        }

        var key = Keys[0];
        Keys.RemoveAt(0);
        return key;
    }

    public void Dispose()
    {
        foreach (var certificate in Certificates)
        {
            certificate.Dispose();
        }

        foreach (var key in Keys)
        {
            key.Dispose();
        }

        Certificates.Clear();
        Keys.Clear();
    }
}
