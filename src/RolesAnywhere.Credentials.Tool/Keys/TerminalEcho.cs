using System.Runtime.InteropServices;

namespace RolesAnywhere.Credentials.Tool.Keys;

/// <summary>
/// Turns the echo of the terminal on standard input off until disposed (Linux <c>termios</c>), so that what
/// is typed after a question is never shown, however soon after the question it arrives.
/// </summary>
internal sealed partial class TerminalEcho : IDisposable
{
    // struct termios on Linux (glibc and musl, every architecture .NET runs on): four 32-bit flag words
    // (c_lflag is the fourth), c_line, c_cc[32], two speeds: 60 bytes.
    private const int TermiosSize = 60;
    private const int LocalFlagsOffset = 12;
    private const uint Echo = 0x8;
    private const int SetNow = 0;
    private const int StandardInput = 0;

    private readonly byte[] saved;

    private TerminalEcho(byte[] saved) => this.saved = saved;

    /// <summary>Turns echo off, or returns <see langword="null"/> when standard input is not a Linux terminal.</summary>
    public static TerminalEcho? TryTurnOff()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var current = new byte[TermiosSize];
        if (GetAttributes(StandardInput, current) != 0)
        {
            return null;
        }

        var quiet = (byte[])current.Clone();
        var flags = BitConverter.ToUInt32(quiet, LocalFlagsOffset) & ~Echo;
        BitConverter.TryWriteBytes(quiet.AsSpan(LocalFlagsOffset), flags);
        return SetAttributes(StandardInput, SetNow, quiet) == 0 ? new TerminalEcho(current) : null;
    }

    /// <summary>Restores the terminal as it was.</summary>
    public void Dispose() => _ = SetAttributes(StandardInput, SetNow, saved);

    [LibraryImport("libc", EntryPoint = "tcgetattr")]
    private static partial int GetAttributes(int fd, [Out] byte[] termios);

    [LibraryImport("libc", EntryPoint = "tcsetattr")]
    private static partial int SetAttributes(int fd, int optionalActions, [In] byte[] termios);
}
