using System.Security.Cryptography.X509Certificates;

namespace RolesAnywhere.Credentials.Authorization.Certificates;

/// <summary>The outcome of <see cref="CertificateChain.Build"/>.</summary>
public sealed class CertificateChainResult
{
    internal CertificateChainResult(bool? isValid, IReadOnlyList<X509Certificate2> path, string? problem)
    {
        IsValid = isValid;
        Path = path;
        Problem = problem;
    }

    /// <summary>Gets whether the chain reaches the anchor with nothing wrong; <see langword="null"/> when this platform could not check it.</summary>
    public bool? IsValid { get; }

    /// <summary>Gets the certificates from the leaf towards the anchor, as far as the chain was built.</summary>
    public IReadOnlyList<X509Certificate2> Path { get; }

    /// <summary>Gets why the chain is invalid or was not checked, or <see langword="null"/> when it is valid.</summary>
    public string? Problem { get; }
}
