namespace RolesAnywhere.Credentials.Renewal;

/// <summary>
/// Finds the program an issuer command names, with exec semantics (POSIX <c>execvp</c>, Go's <c>os/exec</c> since
/// its <c>ErrDot</c> fix): a name with a slash is used as given; a bare name is looked up in the absolute
/// directories of <c>PATH</c> only — never in the working directory, whether by an empty entry, <c>.</c>, or any
/// relative entry. .NET's <c>Process.Start</c> looks in the working directory first, so a program planted there
/// would run: the command is always started by the absolute path found here.
/// </summary>
internal static class ProgramLookup
{
    /// <summary>Returns the path to start for <paramref name="program"/>, or <see langword="null"/> when a bare name is on no absolute <c>PATH</c> entry.</summary>
    /// <param name="program">The program as given on the command line.</param>
    /// <param name="searchPath">The value of <c>PATH</c> (<see langword="null"/> or empty: nothing is searched).</param>
    public static string? Resolve(string program, string? searchPath)
    {
        if (program.Contains('/', StringComparison.Ordinal) || (OperatingSystem.IsWindows() && program.Contains('\\', StringComparison.Ordinal)))
        {
            return program;
        }

        foreach (var directory in (searchPath ?? string.Empty).Split(Path.PathSeparator))
        {
            // An empty entry means the working directory, and a relative one is resolved against it: both skipped.
            if (directory.Length == 0 || !Path.IsPathFullyQualified(directory))
            {
                continue;
            }

            var candidate = Path.Combine(directory, program);
            if (IsExecutableFile(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool IsExecutableFile(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        const UnixFileMode AnyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(path) & AnyExecute) != 0;
    }
}
