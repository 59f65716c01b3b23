using RolesAnywhere.Credentials.IO;

namespace RolesAnywhere.Credentials.Tool.Caching;

/// <summary>
/// Whether a cache directory can hold credentials: like ssh's <c>StrictModes</c> and the AWS CLI's cache, it must
/// be owned by this user and writable by nobody else — otherwise another local user could plant, swap or link
/// entries, or hold the lock. Created owner-only when missing.
/// </summary>
internal static class CacheDirectory
{
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

        return OwnerOnlyFile.UntrustedDirectory(path, rootMayOwn: false, $"Use a directory of your own (set {CredentialCache.DirectoryVariable}), or --no-cache.");
    }
}
