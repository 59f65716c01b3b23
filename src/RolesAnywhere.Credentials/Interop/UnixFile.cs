using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace RolesAnywhere.Credentials.Interop;

/// <summary>
/// The few POSIX file calls .NET has no API for, on Linux: a file's kind (a FIFO, device or socket is not a file to
/// read a certificate from: opening or reading it can block forever), owner and group (<c>statx(2)</c>, whose result
/// has the same layout on every architecture); an open that refuses symbolic links (<c>O_NOFOLLOW</c>); giving a
/// file an owner (<c>lchown</c>) and flushing a directory so that a rename survives a crash (<c>fsync</c>), for
/// certificate renewal. On other systems, or a libc without <c>statx</c>, nothing can be told: the queries return
/// <see langword="null"/> and callers keep their portable behaviour.
/// </summary>
internal static class UnixFile
{
    // struct statx (include/uapi/linux/stat.h): stx_uid at 20, stx_gid at 24, stx_mode (u16) at 28; 256 bytes in all.
    private const int StatxSize = 256;
    private const int UidOffset = 20;
    private const int GidOffset = 24;
    private const int ModeOffset = 28;
    private const uint StatxTypeModeUidGid = 0x1 | 0x2 | 0x8 | 0x10;
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const int FileTypeMask = 0xF000;
    private const int OpenReadOnly = 0;
    private const int OpenNonBlocking = 0x800;
    private const int OpenCloseOnExec = 0x80000;

    /// <summary>The kind, owner and permission bits of <paramref name="path"/>, or <see langword="null"/> when it does not exist or nothing can be told.</summary>
    public static UnixFileStatus? TryStat(string path, bool followLinks)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var buffer = new byte[StatxSize];
        return Call(() => Statx(AtFdCwd, NullTerminated(path), followLinks ? 0 : AtSymlinkNoFollow, StatxTypeModeUidGid, buffer)) == 0 ? Read(buffer) : null;
    }

    /// <summary>
    /// What <paramref name="path"/> is when it exists but is not a regular file once links are followed, such as
    /// "a FIFO (named pipe)"; <see langword="null"/> for a regular file, a missing path, or when nothing can be told.
    /// </summary>
    public static string? DescribeIfNotRegular(string path) =>
        TryStat(path, followLinks: true) is { Kind: not UnixFileKind.Regular } status ? status.KindPhrase : null;

    /// <summary>The kind, owner and permission bits of the open file <paramref name="handle"/>, or <see langword="null"/> when nothing can be told.</summary>
    public static UnixFileStatus? TryStat(SafeFileHandle handle)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var buffer = new byte[StatxSize];
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return Call(() => Statx((int)handle.DangerousGetHandle(), [0], AtEmptyPath, StatxTypeModeUidGid, buffer)) == 0 ? Read(buffer) : null;
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    /// <summary>
    /// Opens <paramref name="path"/> for reading without following a symbolic link in its last component
    /// (<c>O_NOFOLLOW</c>) and without blocking on a FIFO (<c>O_NONBLOCK</c>). Returns <see langword="null"/>
    /// when the path does not exist or is a symbolic link; throws for other failures; on systems other than
    /// Linux, opens it the portable way.
    /// </summary>
    /// <exception cref="IOException">The file exists but cannot be opened.</exception>
    public static SafeFileHandle? OpenNoFollow(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return File.Exists(path) ? File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read) : null;
        }

        var noFollow = IsArm ? 0x8000 : 0x20000;
        var descriptor = Open(NullTerminated(path), OpenReadOnly | OpenNonBlocking | OpenCloseOnExec | noFollow);
        if (descriptor >= 0)
        {
            return new SafeFileHandle(descriptor, ownsHandle: true);
        }

        var error = Marshal.GetLastPInvokeError();
        const int NoEntry = 2;
        const int Loop = 40;
        return error is NoEntry or Loop ? null : throw new IOException($"'{path}' cannot be opened: {Marshal.GetPInvokeErrorMessage(error)}");
    }

    /// <summary>
    /// Creates <paramref name="path"/> for writing, exclusively and without following a symbolic link
    /// (<c>O_CREAT|O_EXCL|O_NOFOLLOW</c>), with <paramref name="mode"/> (narrowed by the umask): an existing file or link
    /// there is an error, never opened. On systems other than Linux, <see cref="FileMode.CreateNew"/> (also exclusive).
    /// </summary>
    /// <exception cref="IOException">The path exists (a planted file or link), or cannot be created.</exception>
    public static FileStream CreateExclusive(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsLinux())
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = mode;
            }

            return new FileStream(path, options);
        }

        const int WriteOnly = 1;
        const int Create = 0x40;
        const int Exclusive = 0x80;
        var noFollow = IsArm ? 0x8000 : 0x20000;
        var descriptor = OpenCreate(NullTerminated(path), WriteOnly | Create | Exclusive | noFollow | OpenCloseOnExec, (uint)mode);
        if (descriptor < 0)
        {
            throw Error("create", path);
        }

        return new FileStream(new SafeFileHandle(descriptor, ownsHandle: true), FileAccess.Write);
    }

    /// <summary>Returns the owner and group of <paramref name="path"/> (not following a final symbolic link), on Linux.</summary>
    /// <exception cref="IOException">The call failed.</exception>
    public static (uint Owner, uint Group) GetOwner(string path)
    {
        var buffer = new byte[StatxSize];
        if (Statx(AtFdCwd, NullTerminated(path), AtSymlinkNoFollow, StatxTypeModeUidGid, buffer) != 0)
        {
            throw Error("statx", path);
        }

        var status = Read(buffer);
        return (status.OwnerId, status.GroupId);
    }

    /// <summary>Sets the owner and group of <paramref name="path"/> (not following a final symbolic link), on Linux.</summary>
    /// <exception cref="IOException">The call failed (only root may give a file away).</exception>
    public static void SetOwner(string path, uint owner, uint group)
    {
        if (LChown(NullTerminated(path), owner, group) != 0)
        {
            throw Error("chown", path);
        }
    }

    /// <summary>Gives the open <paramref name="file"/> an owner and group (<c>fchown</c>), on Linux.</summary>
    /// <exception cref="IOException">The call failed (only root may give a file away).</exception>
    public static void SetOwner(SafeFileHandle file, uint owner, uint group)
    {
        if (FChown(file, owner, group) != 0)
        {
            throw Error("fchown", file.IsInvalid ? "(invalid handle)" : "the new file");
        }
    }

    /// <summary>Flushes the directory entries of <paramref name="directory"/> to disk, on Linux.</summary>
    /// <exception cref="IOException">The call failed.</exception>
    public static void FlushDirectory(string directory)
    {
        var openDirectory = IsArm ? 0x4000 : 0x10000; // O_DIRECTORY differs between architectures, as O_NOFOLLOW does.
        var descriptor = Open(NullTerminated(directory), OpenReadOnly | OpenCloseOnExec | openDirectory);
        if (descriptor < 0)
        {
            throw Error("open", directory);
        }

        using var handle = new SafeFileHandle(descriptor, ownsHandle: true);
        if (FSync(handle) != 0)
        {
            throw Error("fsync", directory);
        }
    }

    /// <summary>The effective user id of this process, or <see langword="null"/> off Linux.</summary>
    public static uint? EffectiveUserId() => OperatingSystem.IsLinux() ? GetEffectiveUserId() : null;

    private static UnixFileStatus Read(byte[] buffer)
    {
        var mode = BitConverter.ToUInt16(buffer, ModeOffset);
        var kind = (mode & FileTypeMask) switch
        {
            0x8000 => UnixFileKind.Regular,
            0x4000 => UnixFileKind.Directory,
            0xA000 => UnixFileKind.SymbolicLink,
            0x1000 => UnixFileKind.Fifo,
            0x2000 => UnixFileKind.CharacterDevice,
            0x6000 => UnixFileKind.BlockDevice,
            0xC000 => UnixFileKind.Socket,
            _ => UnixFileKind.Unknown,
        };
        return new UnixFileStatus(kind, BitConverter.ToUInt32(buffer, UidOffset), BitConverter.ToUInt32(buffer, GidOffset), (UnixFileMode)(mode & 0xFFF));
    }

    private static bool IsArm => RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm;

    private static IOException Error(string call, string path)
    {
        var errno = Marshal.GetLastPInvokeError();
        return new IOException($"{call} '{path}' failed: {Marshal.GetPInvokeErrorMessage(errno)}", errno);
    }

    private static int Call(Func<int> statx)
    {
        try
        {
            return statx();
        }
        catch (EntryPointNotFoundException)
        {
            // A libc without statx (musl before 1.2.5): nothing can be told.
            return -1;
        }
    }

    private static byte[] NullTerminated(string path)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(path) + 1];
        Encoding.UTF8.GetBytes(path, bytes);
        return bytes;
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directory, byte[] path, int flags, uint mask, byte[] buffer);

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open(byte[] path, int flags);

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int OpenCreate(byte[] path, int flags, uint mode);

    [DllImport("libc", EntryPoint = "lchown", SetLastError = true)]
    private static extern int LChown(byte[] path, uint owner, uint group);

    [DllImport("libc", EntryPoint = "fchown", SetLastError = true)]
    private static extern int FChown(SafeFileHandle file, uint owner, uint group);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int FSync(SafeFileHandle descriptor);

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEffectiveUserId();
}
