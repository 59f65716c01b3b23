using RolesAnywhere.Credentials.IO;

namespace RolesAnywhere.Credentials.Tool.IO;

/// <summary>
/// An exclusive lock between processes (and threads) on a lock file: .NET takes an advisory
/// <c>flock</c> for <see cref="FileShare.None"/> on Unix and a share-mode lock on Windows. The lock
/// is released when the process exits, however it exits.
/// </summary>
internal sealed class FileLock : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(15);

    private readonly FileStream stream;

    private FileLock(FileStream stream) => this.stream = stream;

    /// <exception cref="TimeoutException">Another holder kept the lock for longer than <paramref name="timeout"/>.</exception>
    public static async Task<FileLock> AcquireAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (true)
        {
            try
            {
                return new FileLock(new FileStream(path, OwnerOnlyFile.CreateOptions(FileMode.OpenOrCreate, FileAccess.ReadWrite)));
            }
            catch (IOException) when (Environment.TickCount64 < deadline)
            {
                await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw new TimeoutException($"Another process held the lock file '{path}' for more than {timeout.TotalSeconds:0} s. If no rolesanywhere process is running, delete the file.", e);
            }
        }
    }

    public void Dispose() => stream.Dispose();
}
