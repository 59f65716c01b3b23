using System.Globalization;
using RolesAnywhere.Credentials.IO;

namespace RolesAnywhere.Credentials.Renewal;

/// <summary>
/// The lock renewers of the same files take before they read, issue and swap: the library's one <see cref="FileLock"/>
/// (an advisory <c>flock</c>) on a lock file next to the certificate, released when the process ends however it ends.
/// The second renewer waits, then finds the pair the first installed.
/// </summary>
internal sealed class RenewalLock : IDisposable
{
    private readonly FileLock _held;

    private RenewalLock(FileLock held) => _held = held;

    /// <exception cref="CertificateRenewalException">The lock file cannot be created, or another renewer held it for longer than <paramref name="timeout"/>.</exception>
    public static async Task<RenewalLock> AcquireAsync(string path, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            return new RenewalLock(await FileLock.AcquireAsync(path, timeout, cancellationToken, time).ConfigureAwait(false));
        }
        catch (TimeoutException ex)
        {
            throw new CertificateRenewalException(
                CertificateRenewalStage.Swap,
                string.Create(CultureInfo.InvariantCulture, $"Another renewal of these files held the lock '{path}' for more than {timeout.TotalSeconds:0} s; nothing was replaced."),
                ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CertificateRenewalException(
                CertificateRenewalStage.Swap,
                $"The directory '{Path.GetDirectoryName(path)}' cannot be written ({ex.Message}): the renewal writes the new files next to the current ones. Make it writable for this user; nothing was replaced.",
                ex);
        }
    }

    /// <summary>Takes the lock if no one holds it, without waiting; <see langword="null"/> when it is held or the lock file cannot be opened (a reader without write access).</summary>
    public static RenewalLock? TryAcquire(string path)
    {
        try
        {
            return FileLock.TryAcquire(path) is { } held ? new RenewalLock(held) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Dispose() => _held.Dispose();
}
