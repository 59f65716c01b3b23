using RolesAnywhere.Credentials.Interop;

namespace RolesAnywhere.Credentials.Tool.Update;

/// <summary>
/// Where the shared credentials file really is. A symbolic link is followed to its final target, which is
/// then the file rewritten (the link stays a link), unless the link was planted by someone else: on Linux a
/// link is followed only when it belongs to this user or to the target's owner (the rule of the kernel's
/// <c>fs.protected_symlinks</c>), so a link cannot make a root <c>update</c> write into a file of its choice.
/// </summary>
internal sealed record CredentialsFileLocation(string Path, bool Exists, UnixFileStatus? Status)
{
    private const int MaxLinks = 40; // Linux's own limit (ELOOP)

    /// <exception cref="CredentialsFileException">A dangling, looping or foreign link, or not a regular file.</exception>
    public static CredentialsFileLocation Resolve(string path)
    {
        var current = System.IO.Path.GetFullPath(path);
        var links = new List<(string Path, UnixFileStatus? Status)>();
        while (new FileInfo(current).LinkTarget is { } target)
        {
            if (links.Count == MaxLinks)
            {
                throw new CredentialsFileException($"'{path}' is a chain of more than {MaxLinks} symbolic links (a loop?). Point it at the credentials file itself.");
            }

            links.Add((current, UnixFile.TryStat(current, followLinks: false)));
            current = System.IO.Path.GetFullPath(target, System.IO.Path.GetDirectoryName(current)!);
        }

        var info = new FileInfo(current);
        if (!info.Exists)
        {
            if (Directory.Exists(current))
            {
                throw new CredentialsFileException($"'{current}' is a directory, not a credentials file. Point AWS_SHARED_CREDENTIALS_FILE at a file.");
            }

            if (links.Count > 0)
            {
                throw new CredentialsFileException($"'{path}' is a symbolic link to '{current}', which does not exist. Create that file (it may be empty) or replace the link with the file.");
            }

            return new CredentialsFileLocation(current, false, null);
        }

        var status = UnixFile.TryStat(current, followLinks: false);
        if (status is { Kind: not UnixFileKind.Regular })
        {
            throw new CredentialsFileException($"'{current}' is not a regular file (a FIFO, socket or device?). Point AWS_SHARED_CREDENTIALS_FILE at a regular file.");
        }

        var me = UnixFile.EffectiveUserId();
        foreach (var (link, linkStatus) in links)
        {
            if (linkStatus is { } linkOwner && status is { } targetOwner && linkOwner.OwnerId != me && linkOwner.OwnerId != targetOwner.OwnerId)
            {
                throw new CredentialsFileException($"'{link}' is a symbolic link owned by uid {linkOwner.OwnerId} to '{current}' owned by uid {targetOwner.OwnerId}; a link is followed only when it belongs to you or to its target's owner. Replace the link with the file, or fix the owners.");
            }
        }

        return new CredentialsFileLocation(current, true, status);
    }
}
