using System.Runtime.CompilerServices;

namespace RolesAnywhere.Credentials.Audit.Inputs;

/// <summary>Turns the command line's inputs into documents: files, directories (recursively), <c>-</c> and <c>s3://</c> prefixes.</summary>
internal static class InputExpander
{
    public const string StandardInput = "-";

    /// <summary>Symbolic links are not followed inside directories (no loops, nothing outside the tree); FIFOs and other files are skipped by name.</summary>
    private static readonly EnumerationOptions DirectoryWalk = new()
    {
        RecurseSubdirectories = true,
        AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Hidden | FileAttributes.System,
        IgnoreInaccessible = false,
    };

    public static async IAsyncEnumerable<AuditSource> ExpandAsync(AuditOptions options, Stream standardInput, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var input in options.Inputs)
        {
            if (input == StandardInput)
            {
                yield return new AuditSource(StandardInput, _ => Task.FromResult(standardInput));
            }
            else if (S3Location.IsS3(input))
            {
                await foreach (var source in S3Sources.ListAsync(S3Location.Parse(input), options, cancellationToken).ConfigureAwait(false))
                {
                    yield return source;
                }
            }
            else if (Directory.Exists(input))
            {
                foreach (var file in ListDirectory(input))
                {
                    yield return FileSource(file);
                }
            }
            else if (File.Exists(input))
            {
                yield return FileSource(input);
            }
            else
            {
                throw new AuditInputException($"'{input}' does not exist (give CloudTrail log files, directories, '-' for standard input, or s3://bucket/prefix).");
            }
        }
    }

    /// <summary>Whether a file in a directory looks like a CloudTrail log (<c>.json</c>, <c>.json.gz</c>, <c>.gz</c>).</summary>
    public static bool IsLogFileName(string path) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);

    private static List<string> ListDirectory(string directory)
    {
        try
        {
            var files = Directory.EnumerateFiles(directory, "*", DirectoryWalk).Where(IsLogFileName).ToList();
            files.Sort(StringComparer.Ordinal);
            return files;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AuditInputException($"directory '{directory}' cannot be read: {e.Message}", e);
        }
    }

    private static AuditSource FileSource(string path) => new(path, _ =>
    {
        try
        {
            return Task.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AuditInputException($"'{path}' cannot be read: {e.Message}", e);
        }
    });
}
