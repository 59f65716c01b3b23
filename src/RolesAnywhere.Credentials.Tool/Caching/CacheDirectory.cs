using RolesAnywhere.Credentials.Interop;
using RolesAnywhere.Credentials.Tool.IO;

namespace RolesAnywhere.Credentials.Tool.Caching;

/// <summary>
/// Whether a cache directory can hold credentials: like ssh's <c>StrictModes</c> and the AWS CLI's cache, it must
/// be owned by this user and writable by nobody else — otherwise another local user could plant, swap or link
/// entries, or hold the lock. Created owner-only when missing.
/// </summary>
internal static class CacheDirectory
{
    private const UnixFileMode WritableByOthers = UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    /// <summary>Creates <paramref name="path"/> if missing; returns why it cannot be trusted, or <see langword="null"/> when it can.</summary>
    public static string? Prepare(string path)
    {
        try
        {
            OwnerOnlyFile.EnsureDirectory(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"the directory '{path}' cannot be created: {e.Message}";
        }

        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        var status = UnixFile.TryStat(path, followLinks: true);
        if (status is { Kind: not UnixFileKind.Directory })
        {
            return $"'{path}' is {status.Value.KindPhrase}, not a directory.";
        }

        if (status is { } owned && UnixFile.EffectiveUserId() is { } me && owned.OwnerId != me)
        {
            return $"the directory '{path}' is owned by user id {owned.OwnerId}, not by you (user id {me}). Use a directory of your own (set {CredentialCache.DirectoryVariable}), or --no-cache.";
        }

        var mode = status?.Permissions ?? File.GetUnixFileMode(path);
        if ((mode & WritableByOthers) != 0)
        {
            return $"the directory '{path}' is writable by {((mode & UnixFileMode.OtherWrite) != 0 ? "all users" : "its group")} (mode {Convert.ToString((int)mode, 8).PadLeft(4, '0')}). Make it yours alone: chmod 700 '{path}'.";
        }

        return null;
    }
}
