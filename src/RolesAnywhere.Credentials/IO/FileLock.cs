namespace RolesAnywhere.Credentials.IO;

/// <summary>
/// An exclusive lock between processes (and threads) on a lock file, created owner-only: .NET takes an advisory
/// <c>flock</c> for <see cref="FileShare.None"/> on Unix and a share-mode lock on Windows. The lock is released when
/// the process exits, however it exits. The one lock of renewal (<c>RenewalLock</c>), the tool's credential cache and
/// its credentials-file writer.
/// </summary>
internal sealed class FileLock : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(15);

    private readonly FileStream _stream;

    private FileLock(FileStream stream) => _stream = stream;

    /// <summary>Takes the lock if no one holds it, without waiting.</summary>
    /// <returns>The lock, or <see langword="null"/> when another holder has it.</returns>
    /// <exception cref="IOException">The lock file cannot be opened or created.</exception>
    /// <exception cref="UnauthorizedAccessException">The lock file or its directory is not writable.</exception>
    public static FileLock? TryAcquire(string path)
    {
        try
        {
            return new FileLock(new FileStream(path, OwnerOnlyFile.CreateOptions(FileMode.OpenOrCreate, FileAccess.ReadWrite)));
        }
        catch (IOException ex) when (IsContention(ex))
        {
            return null;
        }
    }

    /// <summary>Takes the lock, waiting up to <paramref name="timeout"/> for another holder to release it.</summary>
    /// <exception cref="TimeoutException">Another holder kept the lock for longer than <paramref name="timeout"/>.</exception>
    /// <exception cref="IOException">The lock file cannot be opened or created.</exception>
    /// <exception cref="UnauthorizedAccessException">The lock file or its directory is not writable.</exception>
    public static async Task<FileLock> AcquireAsync(string path, TimeSpan timeout, CancellationToken cancellationToken, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            if (TryAcquire(path) is { } held)
            {
                return held;
            }

            if (time.GetUtcNow() >= deadline)
            {
                throw new TimeoutException($"Another process held the lock file '{path}' for more than {timeout.TotalSeconds:0} s. If no rolesanywhere process is running, delete the file.");
            }

            await Task.Delay(PollInterval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Releases the lock.</summary>
    public void Dispose() => _stream.Dispose();

    /// <summary>
    /// Tells a lock held by another holder from a file that cannot be opened: on Unix .NET reports a held
    /// <c>flock</c> with the raw <c>EWOULDBLOCK</c> errno as the HResult (11 on Linux, 35 on macOS), on Windows a
    /// sharing or lock violation.
    /// </summary>
    private static bool IsContention(IOException ex) =>
        ex.HResult is 11 or 35 or unchecked((int)0x80070020) or unchecked((int)0x80070021);
}
