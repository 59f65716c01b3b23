using Microsoft.Win32.SafeHandles;
using RolesAnywhere.Credentials.Interop;

namespace RolesAnywhere.Credentials.IO;

/// <summary>
/// Files only their owner can read (mode 0600 on Unix), written so that neither a crash nor another local user can
/// get in the way: the content goes to a temporary file in the same directory, created exclusively without
/// following links (<c>O_CREAT|O_EXCL|O_NOFOLLOW</c>: a planted file or link there is an error, never written
/// through), flushed to disk, renamed over the target, and the directory flushed so that the rename survives a
/// crash. Used by certificate renewal, the tool's credential cache and its credentials-file writer.
/// </summary>
internal static class OwnerOnlyFile
{
    /// <summary>Owner read and write (0600).</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Owner read, write and search (0700).</summary>
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private const UnixFileMode WritableByOthers = UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    /// <summary>Replaces <paramref name="path"/> atomically with <paramref name="content"/>, owner-only.</summary>
    /// <param name="path">The file to replace (a symbolic link there is replaced, not followed).</param>
    /// <param name="content">The new content.</param>
    /// <param name="beforeCommit">Runs on the written temporary file before it replaces <paramref name="path"/> (to set its mode or owner); what it throws leaves <paramref name="path"/> untouched.</param>
    /// <exception cref="IOException">Writing, flushing or renaming failed; <paramref name="path"/> is untouched.</exception>
    public static void WriteAtomically(string path, ReadOnlySpan<byte> content, Action<SafeFileHandle>? beforeCommit = null)
    {
        var temp = TemporaryName(path);
        try
        {
            using (var stream = CreateExclusive(temp))
            {
                stream.Write(content);
                beforeCommit?.Invoke(stream.SafeFileHandle);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
            FlushDirectoryOf(path);
        }
        finally
        {
            DeleteQuietly(temp);
        }
    }

    /// <summary>Creates <paramref name="path"/> exclusively, owner-only, without following a link there.</summary>
    /// <exception cref="IOException">Something exists at <paramref name="path"/> (a file or a planted link), or it cannot be created.</exception>
    public static FileStream CreateExclusive(string path, UnixFileMode mode = FileMode) => UnixFile.CreateExclusive(path, mode);

    /// <summary>Flushes the directory entries of the directory holding <paramref name="path"/> (after a rename), on Linux.</summary>
    /// <exception cref="IOException">The flush failed.</exception>
    public static void FlushDirectoryOf(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            UnixFile.FlushDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        }
    }

    /// <summary>
    /// Returns why the directory <paramref name="path"/> cannot be trusted to hold owner-only files, or
    /// <see langword="null"/> when it can: like ssh's <c>StrictModes</c>, it must be owned by this user (or by root,
    /// when <paramref name="rootMayOwn"/>) and writable by nobody else — otherwise another local user could plant,
    /// swap or link files next to a key or credentials. Nothing can be told off Linux (<see langword="null"/>).
    /// </summary>
    /// <param name="path">The directory.</param>
    /// <param name="rootMayOwn">Whether a directory owned by root (and writable by no one else) is trusted too.</param>
    /// <param name="ownerFix">The fix to name when another user owns it.</param>
    public static string? UntrustedDirectory(string path, bool rootMayOwn, string ownerFix)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        var status = UnixFile.TryStat(path, followLinks: true);
        if (status is { Kind: not UnixFileKind.Directory })
        {
            return $"'{path}' is {status.Value.KindPhrase}, not a directory.";
        }

        if (status is { } owned && UnixFile.EffectiveUserId() is { } me && owned.OwnerId != me && !(rootMayOwn && owned.OwnerId == 0))
        {
            return $"the directory '{path}' is owned by user id {owned.OwnerId}, not by you (user id {me}). {ownerFix}";
        }

        var mode = status?.Permissions ?? File.GetUnixFileMode(path);
        if ((mode & WritableByOthers) != 0)
        {
            return $"the directory '{path}' is writable by {((mode & UnixFileMode.OtherWrite) != 0 ? "all users" : "its group")} (mode {Octal(mode)}). Make it yours alone: chmod 700 '{path}'.";
        }

        return null;
    }

    /// <summary>Creates <paramref name="path"/> (and parents) if missing; a directory we create is owner-only.</summary>
    public static void EnsureDirectory(string path)
    {
        if (Directory.Exists(path))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, DirectoryMode);
        }
    }

    /// <summary>Options for a <see cref="FileStream"/> that, when it creates the file, creates it owner-only.</summary>
    public static FileStreamOptions CreateOptions(System.IO.FileMode mode, FileAccess access, FileShare share = FileShare.None)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = share };
        if (!OperatingSystem.IsWindows() && mode is System.IO.FileMode.CreateNew or System.IO.FileMode.Create or System.IO.FileMode.OpenOrCreate)
        {
            options.UnixCreateMode = FileMode;
        }

        return options;
    }

    /// <summary>The permission bits as four octal digits (0644).</summary>
    public static string Octal(UnixFileMode mode) => Convert.ToString((int)mode & 0xFFF, 8).PadLeft(4, '0');

    private static string TemporaryName(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        return Path.Combine(directory, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N")[..12] + ".tmp");
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a stray temporary file of a failed write.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
