namespace RolesAnywhere.Credentials.Tool.IO;

/// <summary>
/// Files only their owner can read (mode 0600 on Unix), replaced atomically: the content goes to a
/// temporary file in the same directory, is flushed to disk, then renamed over the target, so a
/// reader sees the old file or the new one, never a half-written one.
/// </summary>
internal static class OwnerOnlyFile
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <param name="path">The file to replace (a symbolic link there is replaced, not followed).</param>
    /// <param name="content">The new content.</param>
    /// <param name="beforeCommit">Runs on the written temporary file before it replaces <paramref name="path"/> (to set its mode or owner); what it throws leaves <paramref name="path"/> untouched.</param>
    public static void WriteAtomically(string path, ReadOnlySpan<byte> content, Action<Microsoft.Win32.SafeHandles.SafeFileHandle>? beforeCommit = null)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temp = Path.Combine(directory, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N")[..12] + ".tmp");
        try
        {
            using (var stream = new FileStream(temp, CreateOptions(System.IO.FileMode.CreateNew, FileAccess.Write)))
            {
                stream.Write(content);
                beforeCommit?.Invoke(stream.SafeFileHandle);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
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

    public static FileStreamOptions CreateOptions(System.IO.FileMode mode, FileAccess access, FileShare share = FileShare.None)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = share };
        if (!OperatingSystem.IsWindows() && mode is System.IO.FileMode.CreateNew or System.IO.FileMode.Create or System.IO.FileMode.OpenOrCreate)
        {
            options.UnixCreateMode = FileMode;
        }

        return options;
    }
}
