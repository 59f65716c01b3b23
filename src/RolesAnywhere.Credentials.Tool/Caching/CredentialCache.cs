using System.Text.Json;
using RolesAnywhere.Credentials.Interop;
using RolesAnywhere.Credentials.Tool.Credentials;
using RolesAnywhere.Credentials.Tool.Json;
using RolesAnywhere.Credentials.Sessions;
using RolesAnywhere.Credentials.IO;

namespace RolesAnywhere.Credentials.Tool.Caching;

/// <summary>
/// The <c>credential-process</c> cache: one owner-only file per argument set (see
/// <see cref="Cli.SessionArguments.CacheKey"/>) holding the exact output to print, reused while more than
/// <see cref="MinimumRemaining"/> of validity remains. A process that finds no usable entry takes the
/// entry's lock, looks again (another process may just have written it), and only then calls
/// CreateSession, so processes started together make one call.
/// <para>
/// Only what no other local user can touch is trusted (<see cref="CacheDirectory"/>): a directory another
/// user owns or may write to is not used at all (a warning, then an uncached answer); entries are opened
/// without following links and must be regular owner-only files of this user; a lock held for more than
/// <see cref="LockTimeout"/> is given up on, and the answer is fetched without the cache.
/// </para>
/// </summary>
internal sealed class CredentialCache
{
    public const string DirectoryVariable = "ROLESANYWHERE_CACHE_DIR";

    /// <summary>At most this much validity must remain to reuse an entry (botocore refreshes 15 minutes before expiry).</summary>
    public static readonly TimeSpan MinimumRemaining = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long to wait for another process's lock: longer than one CreateSession takes even on a busy machine
    /// (processes started together must still make one call), short enough that a lock held by a stuck or
    /// hostile process costs seconds, not minutes.
    /// </summary>
    public static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(10);

    /// <summary>An entry is a few hundred bytes; anything much larger is not one of ours.</summary>
    private const int MaxEntryLength = 64 * 1024;

    private readonly string directory;
    private readonly TimeProvider time;
    private readonly Action<string> warn;
    private readonly TimeSpan lockTimeout;

    /// <param name="directory">Where the entries live.</param>
    /// <param name="time">The clock expiry is judged by.</param>
    /// <param name="warn">Told why the cache is not used (a distrusted directory, a lock held too long).</param>
    /// <param name="lockTimeout">The wait for another process's lock; <see cref="LockTimeout"/> unless a test shortens it.</param>
    public CredentialCache(string directory, TimeProvider time, Action<string>? warn = null, TimeSpan? lockTimeout = null)
    {
        this.directory = directory;
        this.time = time;
        this.warn = warn ?? (static _ => { });
        this.lockTimeout = lockTimeout ?? LockTimeout;
    }

    /// <summary>
    /// <c>$ROLESANYWHERE_CACHE_DIR</c>, else the user's cache directory: <c>$XDG_CACHE_HOME/rolesanywhere</c> or
    /// <c>~/.cache/rolesanywhere</c> on Linux, <c>~/Library/Caches/rolesanywhere</c> on macOS,
    /// <c>%LOCALAPPDATA%\rolesanywhere\cache</c> on Windows.
    /// </summary>
    public static string DefaultDirectory()
    {
        if (Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } configured)
        {
            return configured;
        }

        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "rolesanywhere", "cache");
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsMacOS())
        {
            return Path.Combine(home, "Library", "Caches", "rolesanywhere");
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        return Path.Combine(string.IsNullOrEmpty(xdg) ? Path.Combine(home, ".cache") : xdg, "rolesanywhere");
    }

    /// <summary>How much validity an entry must keep to be reused for sessions of <paramref name="sessionDuration"/>.</summary>
    public static TimeSpan RequiredRemaining(TimeSpan sessionDuration) =>
        sessionDuration / 2 < MinimumRemaining ? sessionDuration / 2 : MinimumRemaining;

    /// <summary>The cached output for <paramref name="key"/>, or a fresh one from <paramref name="fetch"/> (then stored when the cache can be trusted).</summary>
    public async Task<byte[]> GetOrFetchAsync(string key, TimeSpan sessionDuration, Func<CancellationToken, Task<SessionCredentials>> fetch, CancellationToken cancellationToken)
    {
        if (CacheDirectory.Prepare(directory) is { } distrust)
        {
            warn($"not using the credential cache: {distrust}");
            return await FetchAsync(fetch, cancellationToken).ConfigureAwait(false);
        }

        var path = Path.Combine(directory, key + ".json");
        var required = RequiredRemaining(sessionDuration);
        if (TryRead(path, required) is { } cached)
        {
            return cached;
        }

        FileLock held;
        try
        {
            held = await FileLock.AcquireAsync(path + ".lock", lockTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or IOException or UnauthorizedAccessException)
        {
            warn($"answering without the credential cache: {e.Message}");
            return await FetchAsync(fetch, cancellationToken).ConfigureAwait(false);
        }

        using (held)
        {
            if (TryRead(path, required) is { } written)
            {
                return written;
            }

            var output = await FetchAsync(fetch, cancellationToken).ConfigureAwait(false);
            OwnerOnlyFile.WriteAtomically(path, output);
            return output;
        }
    }

    private static async Task<byte[]> FetchAsync(Func<CancellationToken, Task<SessionCredentials>> fetch, CancellationToken cancellationToken) =>
        CredentialProcessJson.Serialize(await fetch(cancellationToken).ConfigureAwait(false));

    private byte[]? TryRead(string path, TimeSpan required)
    {
        var bytes = ReadEntry(path);
        if (bytes is null)
        {
            return null;
        }

        try
        {
            var entry = JsonSerializer.Deserialize(bytes, ToolJsonContext.Output.CredentialProcessOutput);
            return entry is { Version: 1, AccessKeyId.Length: > 0, SecretAccessKey.Length: > 0, SessionToken.Length: > 0 }
                && IsoTime.TryRead(entry.Expiration, out var expiration)
                && expiration - time.GetUtcNow() > required
                ? bytes
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The entry's bytes if it is a regular owner-only file of this user, reached without following a link; else <see langword="null"/>.</summary>
    private static byte[]? ReadEntry(string path)
    {
        try
        {
            using var handle = UnixFile.OpenNoFollow(path);
            if (handle is null)
            {
                return null;
            }

            var status = UnixFile.TryStat(handle);
            if (status is { } known && (known.Kind != UnixFileKind.Regular || known.OwnerId != UnixFile.EffectiveUserId()))
            {
                return null;
            }

            // Readable by others means someone else may have written or read it: not ours to trust.
            if (!OperatingSystem.IsWindows() && ((status?.Permissions ?? File.GetUnixFileMode(handle)) & ~OwnerOnlyFile.FileMode) != 0)
            {
                return null;
            }

            using var stream = new FileStream(handle, FileAccess.Read, bufferSize: 0);

            var buffer = new byte[MaxEntryLength + 1];
            var length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            return length is > 0 and <= MaxEntryLength ? buffer[..length] : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
