using System.Security.Cryptography.X509Certificates;

namespace RolesAnywhere.Credentials.Sessions;

/// <summary>
/// Signs CreateSession requests with the current certificate and key (SigV4-X509), and notices when
/// their files change on disk.
/// </summary>
internal interface ICreateSessionSigner
{
    /// <summary>Gets the certificate the next request is signed with.</summary>
    X509Certificate2 Certificate { get; }

    /// <summary>Re-reads the certificate and key when their files changed since the last look.</summary>
    /// <exception cref="RolesAnywhereConfigurationException">The new files cannot be used (unreadable, or key and certificate do not match); nothing is sent.</exception>
    void Refresh();

    /// <summary>Adds <c>X-Amz-Date</c>, <c>X-Amz-X509</c>, <c>X-Amz-X509-Chain</c> (with intermediates only) and <c>Authorization</c> to <paramref name="request"/>.</summary>
    void Sign(HttpRequestMessage request, byte[] body, DateTimeOffset signingTime);

    /// <summary>As <see cref="Sign"/>, for keys whose operations involve I/O.</summary>
    ValueTask SignAsync(HttpRequestMessage request, byte[] body, DateTimeOffset signingTime, CancellationToken cancellationToken);
}
