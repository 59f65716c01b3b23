using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;

namespace RolesAnywhere.Credentials.Interop;

/// <summary>
/// The few POSIX file calls .NET has no API for, used by certificate renewal on Linux: a file's owner and group
/// (<c>statx</c>, whose layout is the same on every architecture), setting them (<c>lchown</c>), and flushing a
/// directory so that a rename survives a crash (<c>open</c> + <c>fsync</c>).
/// </summary>
internal static class UnixFiles
{
    /// <summary>The size of <c>struct statx</c>.</summary>
    private const int StatxSize = 256;

    /// <summary>Offsets of <c>stx_uid</c> and <c>stx_gid</c> in <c>struct statx</c>.</summary>
    private const int UidOffset = 20;
    private const int GidOffset = 24;

    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxUid = 0x8;
    private const uint StatxGid = 0x10;
    private const int ORdOnly = 0;
    private const int ODirectory = 0x10000;

    /// <summary>Gets whether ownership and directory flushes are supported here (Linux).</summary>
    public static bool Supported => OperatingSystem.IsLinux();

    /// <summary>Returns the owner and group of <paramref name="path"/> (not following a final symbolic link).</summary>
    /// <exception cref="IOException">The call failed.</exception>
    public static (uint Owner, uint Group) GetOwner(string path)
    {
        var buffer = new byte[StatxSize];
        if (NativeMethods.statx(AtFdCwd, path, AtSymlinkNoFollow, StatxUid | StatxGid, buffer) != 0)
        {
            throw Error("statx", path);
        }

        return (BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(UidOffset)), BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(GidOffset)));
    }

    /// <summary>Sets the owner and group of <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The call failed (only root may give a file away).</exception>
    public static void SetOwner(string path, uint owner, uint group)
    {
        if (NativeMethods.lchown(path, owner, group) != 0)
        {
            throw Error("chown", path);
        }
    }

    /// <summary>Flushes the directory entries of <paramref name="directory"/> to disk.</summary>
    /// <exception cref="IOException">The call failed.</exception>
    public static void FlushDirectory(string directory)
    {
        var fd = NativeMethods.open(directory, ORdOnly | ODirectory);
        if (fd < 0)
        {
            throw Error("open", directory);
        }

        try
        {
            if (NativeMethods.fsync(fd) != 0)
            {
                throw Error("fsync", directory);
            }
        }
        finally
        {
            _ = NativeMethods.close(fd);
        }
    }

    private static IOException Error(string call, string path)
    {
        var errno = Marshal.GetLastPInvokeError();
        return new IOException(string.Create(CultureInfo.InvariantCulture, $"{call} '{path}' failed: {Marshal.GetPInvokeErrorMessage(errno)}"), errno);
    }

#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe code, which this library does not enable; these signatures marshal strings and arrays only.
#pragma warning disable CA5392 // The search path is given on each import.
    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int statx(int dirfd, string pathname, int flags, uint mask, byte[] statxbuf);

        [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int lchown(string pathname, uint owner, uint group);

        [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int open(string pathname, int flags);

        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int fsync(int fd);

        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int close(int fd);
    }
#pragma warning restore CA5392
#pragma warning restore SYSLIB1054
}
