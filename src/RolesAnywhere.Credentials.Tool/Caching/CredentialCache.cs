using System.Text.Json;
using RolesAnywhere.Credentials.Tool.Credentials;
using RolesAnywhere.Credentials.Tool.IO;
using RolesAnywhere.Credentials.Tool.Json;

namespace RolesAnywhere.Credentials.Tool.Caching;

/// <summary>
/// The <c>credential-process</c> cache: one owner-only file per argument set (see
/// <see cref="Cli.SessionArguments.CacheKey"/>) holding the exact output to print, reused while more than
/// <see cref="MinimumRemaining"/> of validity remains. A process that finds no usable entry takes the
/// entry's lock, looks again (another process may just have written it), and only then calls
/// CreateSession, so processes started together make one call. Entries readable by others are ignored.
/// </summary>
internal sealed class CredentialCache
{
    public const string DirectoryVariable = "ROLESANYWHERE_CACHE_DIR";

    /// <summary>At most this much validity must remain to reuse an entry (botocore refreshes 15 minutes before expiry).</summary>
    public static readonly TimeSpan MinimumRemaining = TimeSpan.FromMinutes(15);

    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(120);

    private readonly string directory;
    private readonly TimeProvider time;

    public CredentialCache(string directory, TimeProvider time)
    {
        this.directory = directory;
        this.time = time;
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

    /// <summary>The cached output for <paramref name="key"/>, or a fresh one from <paramref name="fetch"/> (then stored).</summary>
    public async Task<byte[]> GetOrFetchAsync(string key, TimeSpan sessionDuration, Func<CancellationToken, Task<SessionCredentials>> fetch, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, key + ".json");
        var required = RequiredRemaining(sessionDuration);
        if (TryRead(path, required) is { } cached)
        {
            return cached;
        }

        OwnerOnlyFile.EnsureDirectory(directory);
        using (await FileLock.AcquireAsync(path + ".lock", LockTimeout, cancellationToken).ConfigureAwait(false))
        {
            if (TryRead(path, required) is { } written)
            {
                return written;
            }

            var output = CredentialProcessJson.Serialize(await fetch(cancellationToken).ConfigureAwait(false));
            OwnerOnlyFile.WriteAtomically(path, output);
            return output;
        }
    }

    private byte[]? TryRead(string path, TimeSpan required)
    {
        byte[] bytes;
        try
        {
            if (!File.Exists(path) || !OwnerOnlyFile.IsOwnerOnly(path))
            {
                return null;
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
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
}
