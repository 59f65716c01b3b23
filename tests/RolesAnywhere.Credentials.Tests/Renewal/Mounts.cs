using System.Diagnostics;
using RolesAnywhere.Credentials.TestSupport;

namespace RolesAnywhere.Credentials.Tests.Renewal;

/// <summary>
/// Real file-system conditions for the renewal tests, made with <c>mount</c> (root only; CI runs as root): a folder
/// made read-only by a read-only bind mount (root ignores permission bits), and a full disk (a tiny tmpfs).
/// </summary>
internal static class Mounts
{
    public static bool IsRoot => Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root";

    public static void RequireRoot() =>
        Requirement.That(OperatingSystem.IsLinux() && IsRoot && TryRun("mount", ["--version"]), "needs root and mount on Linux (read-only bind mounts, a size-limited tmpfs)");

    public static void MountTmpfs(string folder, int kilobytes) => Run("mount", "-t", "tmpfs", "-o", $"size={kilobytes}k,mode=0700", "tmpfs", folder);

    public static void MakeReadOnly(string folder)
    {
        Run("mount", "--bind", folder, folder);
        Run("mount", "-o", "remount,bind,ro", folder);
    }

    public static void Unmount(string folder) => TryRun("umount", [folder]);

    /// <summary>Fills the file system of <paramref name="folder"/> until a write fails for lack of space.</summary>
    public static void Fill(string folder)
    {
        using var filler = new FileStream(Path.Combine(folder, "filler"), FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        var block = new byte[1024];
        try
        {
            while (true)
            {
                filler.Write(block);
            }
        }
        catch (IOException)
        {
            // Full.
        }
    }

    private static void Run(string program, params string[] arguments) =>
        Assert.True(TryRun(program, arguments), $"{program} {string.Join(' ', arguments)} failed");

    private static bool TryRun(string program, string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
