using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace RolesAnywhere.Credentials.Tool.IO;

/// <summary>
/// A file's owner, group and type, which .NET does not expose, and <c>fchown</c> to give a replacement file the
/// owner of the one it replaces. Linux only (<c>statx</c>, glibc 2.28+ and musl 1.2.5+); elsewhere
/// <see cref="TryGet"/> returns null and callers keep .NET's behaviour.
/// </summary>
internal sealed partial record UnixFileStatus(uint UserId, uint GroupId, bool IsRegularFile, bool IsSymbolicLink)
{
    // struct statx is the same on every Linux architecture: stx_uid at 20, stx_gid at 24, stx_mode (16 bits) at 28; 256 bytes.
    private const int StatxSize = 256;
    private const int UserIdOffset = 20;
    private const int GroupIdOffset = 24;
    private const int ModeOffset = 28;
    private const int CurrentDirectory = -100; // AT_FDCWD
    private const int NoFollow = 0x100; // AT_SYMLINK_NOFOLLOW
    private const uint BasicStats = 0x7FF; // STATX_BASIC_STATS
    private const int TypeMask = 0xF000; // S_IFMT
    private const int RegularFile = 0x8000; // S_IFREG
    private const int SymbolicLink = 0xA000; // S_IFLNK

    /// <summary>The status of <paramref name="path"/> itself (a link is not followed), or null when unavailable (not Linux, missing file).</summary>
    public static UnixFileStatus? TryGet(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var buffer = new byte[StatxSize];
        if (Statx(CurrentDirectory, path, NoFollow, BasicStats, buffer) != 0)
        {
            return null;
        }

        var type = BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask;
        return new UnixFileStatus(BitConverter.ToUInt32(buffer, UserIdOffset), BitConverter.ToUInt32(buffer, GroupIdOffset), type == RegularFile, type == SymbolicLink);
    }

    /// <summary>The effective user id of this process (Linux), or null elsewhere.</summary>
    public static uint? EffectiveUserId() => OperatingSystem.IsLinux() ? GetEffectiveUserId() : null;

    /// <summary>Gives the open file this status's owner and group.</summary>
    /// <exception cref="UnauthorizedAccessException">This process may not (only root may give a file away).</exception>
    public void ApplyOwnerTo(SafeFileHandle file)
    {
        if (ChangeOwner(file, UserId, GroupId) != 0)
        {
            throw new UnauthorizedAccessException($"could not give the new file owner {UserId}:{GroupId} (errno {Marshal.GetLastPInvokeError()}).");
        }
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int directory, string path, int flags, uint mask, [Out] byte[] buffer);

    [LibraryImport("libc", EntryPoint = "fchown", SetLastError = true)]
    private static partial int ChangeOwner(SafeFileHandle file, uint owner, uint group);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();
}
