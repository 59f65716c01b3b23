using System.Security.Cryptography.X509Certificates;

namespace RolesAnywhere.Credentials.Testing.Verification;

/// <summary>A request whose SigV4-X509 signature checked out: the leaf, the chain header's certificates and the signing time.</summary>
internal sealed class VerifiedSignature : IDisposable
{
    public VerifiedSignature(X509Certificate2 leaf, IReadOnlyList<X509Certificate2> chain, DateTimeOffset signedAt, string canonicalRequest)
    {
        Leaf = leaf;
        Chain = chain;
        SignedAt = signedAt;
        CanonicalRequest = canonicalRequest;
    }

    public X509Certificate2 Leaf { get; }

    /// <summary>The certificates of the <c>X-Amz-X509-Chain</c> header, in order (empty without the header).</summary>
    public IReadOnlyList<X509Certificate2> Chain { get; }

    public DateTimeOffset SignedAt { get; }

    public string CanonicalRequest { get; }

    public void Dispose()
    {
        Leaf.Dispose();
        foreach (var certificate in Chain)
        {
            certificate.Dispose();
        }
    }
}
