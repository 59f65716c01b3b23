using System.Globalization;

namespace RolesAnywhere.Credentials.Renewal;

/// <summary>
/// The lock renewers of the same files take before they read, issue and swap: an advisory <c>flock</c> on a lock
/// file next to the certificate (what .NET takes for <see cref="FileShare.None"/> on Unix), released when the
/// process ends however it ends. The second renewer waits, then finds the pair the first installed.
/// </summary>
internal sealed class RenewalLock : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private readonly FileStream _stream;

    private RenewalLock(FileStream stream) => _stream = stream;

    /// <exception cref="CertificateRenewalException">The lock file cannot be created, or another renewer held it for longer than <paramref name="timeout"/>.</exception>
    public static async Task<RenewalLock> AcquireAsync(string path, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + timeout;
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        while (true)
        {
            try
            {
                return new RenewalLock(new FileStream(path, options));
            }
            catch (IOException ex) when (IsContention(ex))
            {
                if (time.GetUtcNow() >= deadline)
                {
                    throw new CertificateRenewalException(
                        CertificateRenewalStage.Swap,
                        string.Create(CultureInfo.InvariantCulture, $"Another renewal of these files held the lock '{path}' for more than {timeout.TotalSeconds:0} s; nothing was replaced."),
                        ex);
                }

                await Task.Delay(PollInterval, time, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw NotWritable(path, ex);
            }
        }
    }

    /// <summary>Takes the lock if no one holds it, without waiting; <see langword="null"/> when it is held or the lock file cannot be opened (a reader without write access).</summary>
    public static RenewalLock? TryAcquire(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            return new RenewalLock(new FileStream(path, options));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();

    /// <summary>
    /// Tells a lock held by another holder from a file that cannot be opened: on Unix .NET reports a held
    /// <c>flock</c> with the raw <c>EWOULDBLOCK</c> errno as the HResult (11 on Linux, 35 on macOS), on Windows a
    /// sharing or lock violation.
    /// </summary>
    private static bool IsContention(IOException ex) =>
        ex.HResult is 11 or 35 or unchecked((int)0x80070020) or unchecked((int)0x80070021);

    private static CertificateRenewalException NotWritable(string path, Exception ex) => new(
        CertificateRenewalStage.Swap,
        $"The directory '{Path.GetDirectoryName(path)}' cannot be written ({ex.Message}): the renewal writes the new files next to the current ones. Make it writable for this user; nothing was replaced.",
        ex);
}
