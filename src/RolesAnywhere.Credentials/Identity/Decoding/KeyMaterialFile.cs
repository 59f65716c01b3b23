using System.Security.Cryptography;
using RolesAnywhere.Credentials.Interop;

namespace RolesAnywhere.Credentials.Identity.Decoding;

/// <summary>
/// Reads certificate and key files into arrays the caller owns (and zeroes), with errors that name
/// the file and the fix. Files are bounded in size so that a wrong path (a log) cannot exhaust
/// memory, and only regular files are opened (a FIFO, device or socket is refused, naming it).
/// </summary>
internal static class KeyMaterialFile
{
    /// <summary>The largest file accepted: far above any certificate bundle, key or PKCS#12 file.</summary>
    internal const int MaxLength = 1024 * 1024;

    /// <summary>Reads the whole file into a new array; the caller zeroes it after use.</summary>
    /// <exception cref="RolesAnywhereConfigurationException">The file is missing, unreadable, empty or too large.</exception>
    public static byte[] ReadAll(MaterialSource source)
    {
        var path = source.Path ?? throw new ArgumentException("The source has no path.", nameof(source));
        if (Directory.Exists(path))
        {
            throw new RolesAnywhereConfigurationException(
                $"{source.Description} is a directory, not a file. Set {source.Setting} to the full path of the file.");
        }

        // A FIFO blocks in open(2) until a writer comes, a device may never end: refuse them before opening.
        if (UnixFile.DescribeIfNotRegular(path) is { } kind)
        {
            throw new RolesAnywhereConfigurationException(
                $"{source.SentencePhrase} is {kind}, not a regular file, and is not read (it could block or never end). Set {source.Setting} to the certificate or key file itself.");
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
            return ReadBounded(stream, source);
        }
        catch (FileNotFoundException ex)
        {
            throw Missing(source, ex);
        }
        catch (DirectoryNotFoundException ex)
        {
            throw Missing(source, ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new RolesAnywhereConfigurationException(
                $"The file {source.Description} cannot be read: access is denied. Grant the process read permission on the file (and its folders).", ex);
        }
        catch (IOException ex)
        {
            throw new RolesAnywhereConfigurationException(
                $"The file {source.Description} cannot be read: {ex.Message} Check that {source.Setting} names a readable file.", ex);
        }
    }

    private static byte[] ReadBounded(FileStream stream, MaterialSource source)
    {
        var buffer = new byte[stream.CanSeek ? Math.Min(stream.Length, MaxLength + 1L) : MaxLength + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
        {
            length += read;
        }

        if (length > MaxLength || (length == buffer.Length && stream.ReadByte() >= 0))
        {
            CryptographicOperations.ZeroMemory(buffer);
            throw new RolesAnywhereConfigurationException(
                $"The file {source.Description} is larger than {MaxLength / 1024} KiB, far too large for a certificate or key. Check that {source.Setting} names the right file.");
        }

        if (length == 0)
        {
            throw new RolesAnywhereConfigurationException(
                $"The file {source.Description} is empty. Check that {source.Setting} names the right file, and that it was written completely.");
        }

        if (length == buffer.Length)
        {
            return buffer;
        }

        var exact = buffer.AsSpan(0, length).ToArray();
        CryptographicOperations.ZeroMemory(buffer);
        return exact;
    }

    private static RolesAnywhereConfigurationException Missing(MaterialSource source, Exception inner) =>
        new($"The file {source.Description} does not exist. Check {source.Setting}: use an absolute path, or a path relative to the working directory '{Environment.CurrentDirectory}'.", inner);
}
